package io.modelgate.scanner.flatbuffers;

import java.io.IOException;
import java.util.Optional;

/**
 * One table of a flatbuffer. Fields are numbered from 0 in schema order; an absent field gives the schema's
 * default. Every field read is checked against the table's declared size.
 */
public final class FlatTable {

    private final FlatBuffer buffer;
    private final long position;
    private final long vtable;
    private final int fieldCount;
    private final int tableSize;
    private final String what;

    FlatTable(FlatBuffer buffer, long position, long vtable, int fieldCount, int tableSize, String what) {
        this.buffer = buffer;
        this.position = position;
        this.vtable = vtable;
        this.fieldCount = fieldCount;
        this.tableSize = tableSize;
        this.what = what;
    }

    public long position() {
        return position;
    }

    public boolean has(int field) throws IOException {
        return fieldOffset(field, 0) != 0;
    }

    /** An unsigned scalar of {@code width} bytes, or {@code fallback} when absent. */
    public long unsigned(int field, int width, long fallback) throws IOException {
        int offset = fieldOffset(field, width);
        return offset == 0 ? fallback : buffer.unsigned(position + offset, width);
    }

    /** A signed scalar of {@code width} bytes, or {@code fallback} when absent. */
    public long signed(int field, int width, long fallback) throws IOException {
        int offset = fieldOffset(field, width);
        if (offset == 0) {
            return fallback;
        }
        long raw = buffer.unsigned(position + offset, width);
        int shift = 64 - 8 * width;
        return (raw << shift) >> shift;
    }

    public Optional<FlatTable> table(int field, String name) throws IOException {
        int offset = fieldOffset(field, 4);
        if (offset == 0) {
            return Optional.empty();
        }
        return Optional.of(buffer.table(buffer.follow(position + offset, name), name));
    }

    public Optional<String> string(int field, int maxBytes, String name) throws IOException {
        int offset = fieldOffset(field, 4);
        if (offset == 0) {
            return Optional.empty();
        }
        return Optional.of(buffer.string(buffer.follow(position + offset, name), maxBytes, name));
    }

    /** A vector of scalars or structs ({@code elementSize} bytes each) or of offsets (4 bytes). */
    public Optional<FlatVector> vector(int field, int elementSize, String name) throws IOException {
        int offset = fieldOffset(field, 4);
        if (offset == 0) {
            return Optional.empty();
        }
        return Optional.of(buffer.vector(buffer.follow(position + offset, name), elementSize, name));
    }

    /** The field's offset inside the table, 0 when absent; a value that leaves the table is malformed. */
    private int fieldOffset(int field, int width) throws IOException {
        if (field < 0 || field >= fieldCount) {
            return 0;
        }
        int offset = (int) buffer.unsigned(vtable + 4 + 2L * field, 2);
        if (offset != 0 && (offset < 4 || offset + (long) width > tableSize)) {
            throw new FlatBufferFormatException("field " + field + " of " + what + " at offset " + position
                    + " lies outside its table");
        }
        return offset;
    }
}
