package io.modelgate.scanner.protobuf;

import java.io.IOException;

/** The bytes are not a well-formed protobuf message (bad tag, overlong varint, field past its end). */
public final class ProtoFormatException extends IOException {

    public ProtoFormatException(String message) {
        super(message);
    }
}
