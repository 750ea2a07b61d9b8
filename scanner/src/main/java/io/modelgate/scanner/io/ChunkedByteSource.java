package io.modelgate.scanner.io;

/**
 * Spooled bytes held in memory as a list of chunks, so that growing never copies the whole content (a
 * growing array briefly needs twice its size). Closing it returns its memory to the scan's heap budget.
 */
final class ChunkedByteSource implements ByteSource {

    private final byte[][] chunks;
    private final long[] starts;
    private final long size;
    private final ByteBudget budget;
    private long reserved;

    ChunkedByteSource(byte[][] chunks, long size, ByteBudget budget, long reserved) {
        this.chunks = chunks;
        this.size = size;
        this.budget = budget;
        this.reserved = reserved;
        this.starts = new long[chunks.length];
        long at = 0;
        for (int i = 0; i < chunks.length; i++) {
            starts[i] = at;
            at += chunks[i].length;
        }
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public int read(long position, byte[] buffer, int offset, int len) {
        if (position < 0 || position >= size) {
            return -1;
        }
        int chunk = chunkAt(position);
        int within = (int) (position - starts[chunk]);
        int n = (int) Math.min(Math.min(len, chunks[chunk].length - within), size - position);
        System.arraycopy(chunks[chunk], within, buffer, offset, n);
        return n;
    }

    private int chunkAt(long position) {
        int low = 0;
        int high = starts.length - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (starts[mid] <= position) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    @Override
    public synchronized void close() {
        budget.release(reserved);
        reserved = 0;
    }
}
