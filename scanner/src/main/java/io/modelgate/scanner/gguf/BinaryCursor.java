package io.modelgate.scanner.gguf;

import io.modelgate.scanner.io.ByteSource;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Sequential reads of fixed-width numbers from a ByteSource through a small window, in a chosen
 * byte order. Every read checks the end of the source first; skips cost nothing.
 */
public final class BinaryCursor {

    private static final int WINDOW = 16 * 1024;

    private final ByteSource source;
    private final ByteBuffer window;
    private long windowStart;
    private long position;

    public BinaryCursor(ByteSource source, long position, ByteOrder order) {
        this.source = source;
        this.position = position;
        this.window = ByteBuffer.allocate((int) Math.min(WINDOW, Math.max(8, source.size()))).order(order);
        this.window.limit(0);
    }

    public void order(ByteOrder order) {
        window.order(order);
    }

    public ByteOrder order() {
        return window.order();
    }

    public long position() {
        return position;
    }

    public long remaining() {
        return source.size() - position;
    }

    public void skip(long n) throws EOFException {
        require(n);
        position += n;
    }

    public int u8() throws IOException {
        return fill(1).get() & 0xff;
    }

    public int u16() throws IOException {
        return fill(2).getShort() & 0xffff;
    }

    public long u32() throws IOException {
        return fill(4).getInt() & 0xffffffffL;
    }

    public int i32() throws IOException {
        return fill(4).getInt();
    }

    /** An unsigned 64-bit value; negative when it is 2^63 or more. */
    public long u64() throws IOException {
        return fill(8).getLong();
    }

    public float f32() throws IOException {
        return fill(4).getFloat();
    }

    public double f64() throws IOException {
        return fill(8).getDouble();
    }

    public byte[] bytes(int n) throws IOException {
        require(n);
        byte[] out = source.readFully(position, n);
        position += n;
        return out;
    }

    private void require(long n) throws EOFException {
        if (n < 0 || n > remaining()) {
            throw new EOFException((n < 0 ? Long.toUnsignedString(n) : Long.toString(n)) + " bytes needed at offset "
                    + position + " but the file ends at " + source.size());
        }
    }

    /** Makes {@code n} bytes at the position available in the window and advances past them. */
    private ByteBuffer fill(int n) throws IOException {
        require(n);
        long inWindow = position - windowStart;
        if (inWindow < 0 || inWindow + n > window.limit()) {
            int len = (int) Math.min(window.capacity(), remaining());
            int done = 0;
            while (done < len) {
                int r = source.read(position + done, window.array(), done, len - done);
                if (r < 0) {
                    throw new EOFException("unexpected end at " + (position + done));
                }
                done += r;
            }
            window.clear().limit(len);
            windowStart = position;
            inWindow = 0;
        }
        window.position((int) inWindow);
        position += n;
        return window;
    }
}
