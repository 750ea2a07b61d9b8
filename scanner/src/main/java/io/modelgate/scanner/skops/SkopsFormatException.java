package io.modelgate.scanner.skops;

import java.io.IOException;

/** A skops schema that skops.io would not load, or one whose nodes cannot be judged. */
final class SkopsFormatException extends IOException {

    SkopsFormatException(String message) {
        super(message);
    }
}
