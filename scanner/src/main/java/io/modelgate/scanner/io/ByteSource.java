package io.modelgate.scanner.io;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Re-readable bytes of known size: a file on disk, a slice of one (a stored archive entry), or an
 * entry spooled to memory or a temporary file. Detectors and analyzers share one source, so each
 * artifact is read from its container once.
 */
public interface ByteSource extends Closeable {

    long size();

    /** A fresh stream over all bytes, from the start; by default a cursor over the positional reads. */
    default InputStream open() throws IOException {
        return new PositionalInputStream(this);
    }

    /**
     * Reads up to {@code len} bytes at {@code position}; returns the count read, -1 at the end.
     */
    int read(long position, byte[] buffer, int offset, int len) throws IOException;

    /** Reads exactly {@code len} bytes at {@code position}, or fails with EOFException. */
    default byte[] readFully(long position, int len) throws IOException {
        if (position < 0 || len < 0 || position > size() || len > size() - position) {
            throw new EOFException("read of " + len + " bytes at " + position + " is past the end (" + size() + " bytes)");
        }
        byte[] out = new byte[len];
        int done = 0;
        while (done < len) {
            int n = read(position + done, out, done, len - done);
            if (n < 0) {
                throw new EOFException("unexpected end at " + (position + done));
            }
            done += n;
        }
        return out;
    }

    /** The first {@code max} bytes, fewer when the source is shorter. */
    default byte[] prefix(int max) throws IOException {
        return readFully(0, (int) Math.min(max, size()));
    }

    /** A view of {@code length} bytes starting at {@code offset}; closing it does not close this. */
    default ByteSource slice(long offset, long length) {
        return new SliceByteSource(this, offset, length);
    }

    @Override
    default void close() throws IOException {
    }
}
