package io.modelgate.scanner.flax;

import java.io.IOException;

/** The bytes break the msgpack format at {@code offset}. */
final class MsgpackFormatException extends IOException {

    final long offset;

    MsgpackFormatException(long offset, String message) {
        super(message);
        this.offset = offset;
    }
}
