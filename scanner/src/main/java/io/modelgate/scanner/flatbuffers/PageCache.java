package io.modelgate.scanner.flatbuffers;

import io.modelgate.scanner.io.ByteSource;

import java.io.EOFException;
import java.io.IOException;

/**
 * Little-endian positional reads through a few cached pages: a flatbuffer's vtables, tables and strings sit in
 * different places, so a handful of pages keeps reads cheap without holding a large model in memory.
 */
final class PageCache {

    private static final int PAGE = 16 * 1024;
    private static final int PAGES = 8;

    private final ByteSource source;
    private final byte[][] pages = new byte[PAGES][];
    private final long[] starts = new long[PAGES];
    private final int[] lengths = new int[PAGES];
    private int nextVictim;

    PageCache(ByteSource source) {
        this.source = source;
        java.util.Arrays.fill(starts, -1);
    }

    long size() {
        return source.size();
    }

    int u8(long position) throws IOException {
        for (int i = 0; i < PAGES; i++) {
            if (starts[i] >= 0 && position >= starts[i] && position < starts[i] + lengths[i]) {
                return pages[i][(int) (position - starts[i])] & 0xff;
            }
        }
        int slot = load(position);
        return pages[slot][(int) (position - starts[slot])] & 0xff;
    }

    /** An unsigned little-endian integer of {@code width} bytes (at most 8). */
    long unsigned(long position, int width) throws IOException {
        long value = 0;
        for (int i = 0; i < width; i++) {
            value |= ((long) u8(position + i)) << (8 * i);
        }
        return value;
    }

    byte[] bytes(long position, int length) throws IOException {
        return source.readFully(position, length);
    }

    private int load(long position) throws IOException {
        if (position < 0 || position >= source.size()) {
            throw new EOFException("read at " + position + " is past the end (" + source.size() + " bytes)");
        }
        long start = position - position % PAGE;
        int want = (int) Math.min(PAGE, source.size() - start);
        int slot = nextVictim;
        nextVictim = (nextVictim + 1) % PAGES;
        if (pages[slot] == null) {
            pages[slot] = new byte[PAGE];
        }
        int done = 0;
        while (done < want) {
            int n = source.read(start + done, pages[slot], done, want - done);
            if (n < 0) {
                throw new EOFException("unexpected end at " + (start + done));
            }
            done += n;
        }
        starts[slot] = start;
        lengths[slot] = want;
        return slot;
    }
}
