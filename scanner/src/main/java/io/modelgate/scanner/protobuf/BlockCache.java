package io.modelgate.scanner.protobuf;

import io.modelgate.scanner.io.ByteSource;

import java.io.EOFException;
import java.io.IOException;

/**
 * Positional reads over a source through one cached block: protobuf parsing moves mostly forward, so
 * a single block keeps tag and varint reads cheap without holding the (possibly huge) message in memory.
 */
final class BlockCache {

    private static final int BLOCK = 64 * 1024;

    private final ByteSource source;
    /** No larger than the source: detectors probe every small file with a reader or two. */
    private final byte[] block;
    private long blockStart = -1;
    private int blockLength;

    BlockCache(ByteSource source) {
        this.source = source;
        this.block = new byte[(int) Math.max(0, Math.min(BLOCK, source.size()))];
    }

    long size() {
        return source.size();
    }

    int byteAt(long position) throws IOException {
        if (blockStart < 0 || position < blockStart || position >= blockStart + blockLength) {
            load(position);
        }
        return block[(int) (position - blockStart)] & 0xff;
    }

    /** Reads {@code length} bytes; the caller has checked that length against its own bounds. */
    byte[] read(long position, int length) throws IOException {
        if (length <= BLOCK && blockStart >= 0 && position >= blockStart
                && position + length <= blockStart + blockLength) {
            byte[] out = new byte[length];
            System.arraycopy(block, (int) (position - blockStart), out, 0, length);
            return out;
        }
        return source.readFully(position, length);
    }

    private void load(long position) throws IOException {
        if (position < 0 || position >= source.size()) {
            throw new EOFException("read at " + position + " is past the end (" + source.size() + " bytes)");
        }
        int want = (int) Math.min(BLOCK, source.size() - position);
        int done = 0;
        while (done < want) {
            int n = source.read(position + done, block, done, want - done);
            if (n < 0) {
                throw new EOFException("unexpected end at " + (position + done));
            }
            done += n;
        }
        blockStart = position;
        blockLength = want;
    }
}
