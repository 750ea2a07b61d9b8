package io.modelgate.scanner.protobuf;

import java.io.IOException;

/** The bytes are not a well-formed protobuf message (bad tag, overlong varint, field past its end). */
public final class ProtoFormatException extends IOException {

    /** The message's parts when it is built on demand; null when it was given whole. */
    private final Object[] parts;

    public ProtoFormatException(String message) {
        super(message);
        this.parts = null;
    }

    /**
     * A message made of {@code parts} (text and numbers) only when it is asked for: detectors probe every file
     * with protobuf readers and drop what they throw, so most of these are never read.
     */
    ProtoFormatException(Object... parts) {
        super((String) null);
        this.parts = parts;
    }

    @Override
    public String getMessage() {
        if (parts == null) {
            return super.getMessage();
        }
        StringBuilder text = new StringBuilder();
        for (Object part : parts) {
            text.append(part);
        }
        return text.toString();
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
