package io.modelgate.scanner.archive;

import io.modelgate.scanner.analysis.Failures;
import io.modelgate.scanner.io.LimitExceededException;
import io.modelgate.scanner.analysis.TimeoutExceededException;

import java.io.IOException;
import java.io.InputStream;

/**
 * Turns a decompression error into an early end of stream and remembers it, so what was decoded before
 * the damage is still analysed (a truncated archive must not hide the payload it does contain). Limit
 * and time-out signals pass through untouched.
 */
final class ErrorTrapStream extends BlockFilterInputStream {

    private String error;

    ErrorTrapStream(InputStream in) {
        super(in);
    }

    /** The decoder's error message, or null when the stream ended cleanly. */
    String error() {
        return error;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (error != null) {
            return -1;
        }
        try {
            return in.read(b, off, len);
        } catch (LimitExceededException | ExpansionLimitException | TimeoutExceededException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            error = Failures.describe(e);
            return -1;
        }
    }

    @Override
    public void close() {
        try {
            super.close();
        } catch (IOException | RuntimeException e) {
            // the payload was already read or the error recorded; closing a broken decoder changes nothing
        }
    }
}
