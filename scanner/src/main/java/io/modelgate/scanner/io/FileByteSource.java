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
    private final boolean deleteOnClose;
    private final Path path;

    private FileByteSource(Path path, boolean deleteOnClose) throws IOException {
        this.path = path;
        this.channel = FileChannel.open(path, StandardOpenOption.READ);
        this.size = channel.size();
        this.deleteOnClose = deleteOnClose;
    }

    public static FileByteSource open(Path path) throws IOException {
        return new FileByteSource(path, false);
    }

    /** Opens a temporary file that is deleted when this source is closed. */
    static FileByteSource temporary(Path path) throws IOException {
        return new FileByteSource(path, true);
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
    public void close() throws IOException {
        channel.close();
        if (deleteOnClose) {
            java.nio.file.Files.deleteIfExists(path);
        }
    }
}
