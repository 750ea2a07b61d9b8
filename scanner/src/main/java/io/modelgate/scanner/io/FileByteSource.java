package io.modelgate.scanner.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A file on disk, read with positional reads so many readers can share one channel. */
public final class FileByteSource implements ByteSource {

    private final FileChannel channel;
    private final long size;
    private final Cleanup cleanup;
    private final Path path;
    private boolean closed;

    /** What closing a temporary file does after the channel is closed: delete it, return its budget. */
    interface Cleanup {
        void run() throws IOException;
    }

    private FileByteSource(Path path, Cleanup cleanup) throws IOException {
        this.path = path;
        this.channel = FileChannel.open(path, StandardOpenOption.READ);
        this.size = channel.size();
        this.cleanup = cleanup;
    }

    public static FileByteSource open(Path path) throws IOException {
        return new FileByteSource(path, null);
    }

    /** Opens a temporary file; {@code cleanup} (deleting it) runs when this source is closed. */
    static FileByteSource temporary(Path path, Cleanup cleanup) throws IOException {
        try {
            return new FileByteSource(path, cleanup);
        } catch (IOException e) {
            cleanup.run();
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public int read(long position, byte[] buffer, int offset, int len) throws IOException {
        if (position >= size) {
            return -1;
        }
        ByteBuffer target = ByteBuffer.wrap(buffer, offset, (int) Math.min(len, size - position));
        int total = 0;
        while (target.hasRemaining()) {
            int n = channel.read(target, position + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total == 0 ? -1 : total;
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.close();
        } finally {
            if (cleanup != null) {
                cleanup.run();
            }
        }
    }
}
