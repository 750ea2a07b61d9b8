package io.modelgate.scanner.io;

import java.io.IOException;

/** A configured limit was reached while reading hostile input; analysis stops, fail closed. */
public final class LimitExceededException extends IOException {

    public LimitExceededException(String message) {
        super(message);
    }
}
