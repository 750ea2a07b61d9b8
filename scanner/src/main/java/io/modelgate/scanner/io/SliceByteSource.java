package io.modelgate.scanner.io;

import java.io.IOException;

/** A window on another source: how stored archive entries are read without copying them. */
final class SliceByteSource implements ByteSource {

    private final ByteSource parent;
    private final long start;
    private final long length;

    SliceByteSource(ByteSource parent, long start, long length) {
        if (start < 0 || length < 0 || start > parent.size() || length > parent.size() - start) {
            throw new IllegalArgumentException("slice " + start + "+" + length + " outside source of " + parent.size() + " bytes");
        }
        this.parent = parent;
        this.start = start;
        this.length = length;
    }

    @Override
    public long size() {
        return length;
    }

    @Override
    public int read(long position, byte[] buffer, int offset, int len) throws IOException {
        if (position >= length) {
            return -1;
        }
        int n = (int) Math.min(len, length - position);
        return parent.read(start + position, buffer, offset, n);
    }
}
