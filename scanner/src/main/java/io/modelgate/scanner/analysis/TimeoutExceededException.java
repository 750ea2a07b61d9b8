package io.modelgate.scanner.analysis;

import java.io.IOException;

/** Thrown from long loops when the per-file deadline has passed. */
public final class TimeoutExceededException extends IOException {

    public TimeoutExceededException(String message) {
        super(message);
    }
}
