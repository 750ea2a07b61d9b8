package io.modelgate.scanner.pickle;

import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.util.Arrays;

/**
 * Buffered positional reading of a pickle stream. Every read is bounded by the end of the source,
 * so lengths taken from the stream are checked before anything is allocated.
 */
final class PickleInput {

    private static final int BUFFER = 64 * 1024;

    private final ByteSource source;
    private final long end;
    private final byte[] buffer;
    private long bufferStart;
    private int bufferLength;
    private long position;

    PickleInput(ByteSource source, long start) {
        this.source = source;
        this.end = source.size();
        this.position = start;
        this.buffer = new byte[(int) Math.max(1, Math.min(BUFFER, end - start))];
    }

    ByteSource source() {
        return source;
    }

    long position() {
        return position;
    }

    long remaining() {
        return Math.max(0, end - position);
    }

    /** The next byte, or -1 at the end of the source. */
    int read() throws IOException {
        if (position >= end) {
            return -1;
        }
        if (position < bufferStart || position >= bufferStart + bufferLength) {
            fill();
        }
        return buffer[(int) (position++ - bufferStart)] & 0xff;
    }

    private void fill() throws IOException {
        bufferStart = position;
        int want = (int) Math.min(buffer.length, end - position);
        int got = 0;
        while (got < want) {
            int n = source.read(position + got, buffer, got, want - got);
            if (n < 0) {
                break;
            }
            got += n;
        }
        bufferLength = got;
        if (got == 0) {
            throw new java.io.EOFException("source shorter than its declared size");
        }
    }

    /** Reads {@code count} bytes (already checked against the remaining length by the caller). */
    byte[] readBytes(int count, long opOffset) throws IOException, PickleBreak {
        require(count, opOffset);
        byte[] out = new byte[count];
        for (int i = 0; i < count; i++) {
            out[i] = (byte) read();
        }
        return out;
    }

    /** {@code length} bytes at {@code at} (already bounds-checked), from the buffer when it holds them. */
    byte[] bytesAt(long at, int length) throws IOException {
        if (at >= bufferStart && at + length <= bufferStart + bufferLength) {
            byte[] out = new byte[length];
            System.arraycopy(buffer, (int) (at - bufferStart), out, 0, length);
            return out;
        }
        return source.readFully(at, length);
    }

    /** Little-endian unsigned integer of {@code width} bytes (at most 8). */
    long readLittleEndian(int width, long opOffset) throws IOException, PickleBreak {
        require(width, opOffset);
        long value = 0;
        for (int i = 0; i < width; i++) {
            value |= ((long) read()) << (8 * i);
        }
        return value;
    }

    /** Moves past {@code count} bytes without reading them. */
    void skip(long count, long opOffset) throws PickleBreak {
        require(count, opOffset);
        position += count;
    }

    void require(long count, long opOffset) throws PickleBreak {
        if (count < 0 || count > remaining()) {
            throw new PickleBreak(PickleBreak.Kind.TRUNCATED, opOffset,
                    "argument of " + count + " bytes runs past the end of the data (" + remaining() + " left)");
        }
    }

    /**
     * Bytes up to (not including) the next newline, which is consumed; at most {@code max} bytes. A line cut
     * off by the end of the data loses its last byte, as in Python's pure-Python unpickler (which joblib
     * uses): it strips one character, the newline it expects, whatever that character is, and goes on.
     */
    byte[] readLine(int max, long opOffset) throws IOException, PickleBreak {
        // The common case, a newline within the buffered bytes and within max: one search, one copy (protocol 0
        // writes every number and string as a line).
        if (position >= bufferStart && position < bufferStart + bufferLength) {
            int from = (int) (position - bufferStart);
            int limit = (int) Math.min(bufferLength, from + (long) max + 1);
            for (int i = from; i < limit; i++) {
                if (buffer[i] == '\n') {
                    position += i - from + 1;
                    return Arrays.copyOfRange(buffer, from, i);
                }
            }
        }
        byte[] out = new byte[Math.min(max, 256)];
        int length = 0;
        while (true) {
            int b = read();
            if (b < 0) {
                return Arrays.copyOf(out, Math.max(0, length - 1));
            }
            if (b == '\n') {
                return Arrays.copyOf(out, length);
            }
            if (length >= max) {
                throw new PickleBreak(PickleBreak.Kind.LIMIT, opOffset,
                        "newline-terminated argument longer than " + max + " bytes");
            }
            if (length == out.length) {
                out = Arrays.copyOf(out, (int) Math.min(max, (long) out.length * 2));
            }
            out[length++] = (byte) b;
        }
    }
}
