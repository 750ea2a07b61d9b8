package io.modelgate.scanner.flatbuffers;

import java.io.IOException;

/** The bytes are not a well-formed flatbuffer: an offset, vtable or vector that does not fit the buffer. */
public final class FlatBufferFormatException extends IOException {

    public FlatBufferFormatException(String message) {
        super(message);
    }
}
