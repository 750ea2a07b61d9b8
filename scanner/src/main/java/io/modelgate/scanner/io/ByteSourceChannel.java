package io.modelgate.scanner.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/** Read-only channel view of a {@link ByteSource}, for libraries that want a SeekableByteChannel. */
public final class ByteSourceChannel implements SeekableByteChannel {

    private final ByteSource source;
    private long position;
    private boolean open = true;

    public ByteSourceChannel(ByteSource source) {
        this.source = source;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (position >= source.size()) {
            return -1;
        }
        int want = (int) Math.min(dst.remaining(), source.size() - position);
        byte[] chunk = new byte[Math.min(want, 1 << 16)];
        int n = source.read(position, chunk, 0, chunk.length);
        if (n > 0) {
            dst.put(chunk, 0, n);
            position += n;
        }
        return n;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
        position = newPosition;
        return this;
    }

    @Override
    public long size() {
        return source.size();
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }
}
