package io.modelgate.scanner.io;

import java.io.IOException;
import java.io.InputStream;

/** Sequential stream over a {@link ByteSource}'s positional reads. */
final class PositionalInputStream extends InputStream {

    private final ByteSource source;
    private long position;
    private long mark;

    PositionalInputStream(ByteSource source) {
        this.source = source;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int n = source.read(position, b, off, len);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public long skip(long n) {
        long step = Math.max(0, Math.min(n, source.size() - position));
        position += step;
        return step;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, source.size() - position);
    }

    @Override
    public boolean markSupported() {
        return true;
    }

    @Override
    public synchronized void mark(int readlimit) {
        mark = position;
    }

    @Override
    public synchronized void reset() {
        position = mark;
    }
}
