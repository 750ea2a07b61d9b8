package io.modelgate.scanner.protobuf;

import java.io.IOException;

/** The bytes are not a well-formed protobuf message (bad tag, overlong varint, field past its end). */
public final class ProtoFormatException extends IOException {

    public ProtoFormatException(String message) {
        super(message);
    }

    /**
     * No stack trace: detectors probe every file with a protobuf reader or two, so most files that are not
     * protobuf throw this a few times, and the trace was most of its cost; the message is all a report shows.
     */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
