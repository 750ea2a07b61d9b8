package io.modelgate.scanner.flatbuffers;

import java.io.IOException;

/** A vector whose length has been checked against the buffer. */
public final class FlatVector {

    private final FlatBuffer buffer;
    private final long start;
    private final long length;
    private final int elementSize;
    private final String what;

    FlatVector(FlatBuffer buffer, long start, long length, int elementSize, String what) {
        this.buffer = buffer;
        this.start = start;
        this.length = length;
        this.elementSize = elementSize;
        this.what = what;
    }

    public long length() {
        return length;
    }

    /** Offset of the first element in the buffer. */
    public long start() {
        return start;
    }

    public FlatTable table(long index) throws IOException {
        long at = element(index);
        return buffer.table(buffer.follow(at, what), what);
    }

    public String string(long index, int maxBytes) throws IOException {
        return buffer.string(buffer.follow(element(index), what), maxBytes, what);
    }

    public long unsigned(long index) throws IOException {
        return buffer.unsigned(element(index), elementSize);
    }

    public long signed(long index) throws IOException {
        long raw = unsigned(index);
        int shift = 64 - 8 * elementSize;
        return (raw << shift) >> shift;
    }

    private long element(long index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException("element " + index + " of " + what + " with " + length + " elements");
        }
        return start + index * elementSize;
    }
}
