package io.modelgate.scanner.flatbuffers;

import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.io.LimitExceededException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A flatbuffer read strictly: every offset, vtable, vector and string is checked against the buffer before use,
 * and the number of tables opened is bounded, so vectors that all point at one large table cannot make the
 * reading of a small file unbounded. Offsets to tables, vectors and strings only point forward, so a hostile
 * buffer cannot make a reader loop; the budget covers the sharing of one table by many references.
 */
public final class FlatBuffer {

    /** Enough for models with millions of operators and tensors; a budget, not a format limit. */
    public static final long DEFAULT_MAX_TABLES = 20_000_000;
    static final int IDENTIFIER_OFFSET = 4;
    static final int IDENTIFIER_LENGTH = 4;

    private final PageCache cache;
    private final long maxTables;
    private long tablesOpened;

    private FlatBuffer(ByteSource source, long maxTables) {
        this.cache = new PageCache(source);
        this.maxTables = maxTables;
    }

    /**
     * Whether {@code head} starts like a flatbuffer with {@code identifier}: the identifier at offset 4 and a root
     * offset that is aligned and points inside the file, past the identifier.
     */
    public static boolean startsLike(byte[] head, long size, Pattern identifier) {
        if (head.length < 8) {
            return false;
        }
        long root = (head[0] & 0xffL) | (head[1] & 0xffL) << 8 | (head[2] & 0xffL) << 16 | (head[3] & 0xffL) << 24;
        return root >= 8 && root % 4 == 0 && root < size && identifier.matcher(
                new String(head, IDENTIFIER_OFFSET, IDENTIFIER_LENGTH, StandardCharsets.ISO_8859_1)).matches();
    }

    public static FlatBuffer of(ByteSource source, long maxTables) {
        return new FlatBuffer(source, maxTables);
    }

    public long size() {
        return cache.size();
    }

    /** The four-character file identifier after the root offset, as ASCII; empty for a buffer too short. */
    public String identifier() throws IOException {
        if (size() < IDENTIFIER_OFFSET + IDENTIFIER_LENGTH) {
            return "";
        }
        return new String(cache.bytes(IDENTIFIER_OFFSET, IDENTIFIER_LENGTH), StandardCharsets.ISO_8859_1);
    }

    /** The root table, the target of the offset at the very start of the buffer. */
    public FlatTable root() throws IOException {
        require(0, 4, "root offset");
        return table(cache.unsigned(0, 4), "root table");
    }

    /** The table at {@code position}, its vtable checked. */
    FlatTable table(long position, String what) throws IOException {
        if (++tablesOpened > maxTables) {
            throw new LimitExceededException("more than " + maxTables + " flatbuffer tables referenced");
        }
        require(position, 4, what);
        long relative = (int) cache.unsigned(position, 4);
        long vtable = position - relative;
        require(vtable, 4, what + " vtable");
        int vtableSize = (int) cache.unsigned(vtable, 2);
        int tableSize = (int) cache.unsigned(vtable + 2, 2);
        if (vtableSize < 4 || (vtableSize & 1) != 0) {
            throw new FlatBufferFormatException(what + " at offset " + position + " has a vtable of " + vtableSize
                    + " bytes");
        }
        require(vtable, vtableSize, what + " vtable");
        if (tableSize < 4) {
            throw new FlatBufferFormatException(what + " at offset " + position + " declares " + tableSize
                    + " bytes, less than its vtable offset");
        }
        require(position, tableSize, what);
        return new FlatTable(this, position, vtable, (vtableSize - 4) / 2, tableSize, what);
    }

    /** The target of the unsigned forward offset stored at {@code position}. */
    long follow(long position, String what) throws IOException {
        require(position, 4, what + " offset");
        long target = position + cache.unsigned(position, 4);
        if (target >= size()) {
            throw new FlatBufferFormatException(what + " at offset " + position + " points past the end of the buffer");
        }
        return target;
    }

    FlatVector vector(long position, int elementSize, String what) throws IOException {
        require(position, 4, what + " length");
        long length = cache.unsigned(position, 4);
        if (length > (size() - position - 4) / elementSize) {
            throw new FlatBufferFormatException(what + " at offset " + position + " declares " + length
                    + " elements of " + elementSize + " bytes, more than the buffer holds");
        }
        return new FlatVector(this, position + 4, length, elementSize, what);
    }

    String string(long position, int maxBytes, String what) throws IOException {
        FlatVector bytes = vector(position, 1, what);
        long end = bytes.start() + bytes.length();
        if (end >= size() || cache.u8(end) != 0) {
            throw new FlatBufferFormatException(what + " at offset " + position + " has no terminating zero byte");
        }
        int take = (int) Math.min(bytes.length(), maxBytes);
        return new String(cache.bytes(bytes.start(), take), StandardCharsets.UTF_8);
    }

    long unsigned(long position, int width) throws IOException {
        require(position, width, "scalar");
        return cache.unsigned(position, width);
    }

    private void require(long position, long length, String what) throws FlatBufferFormatException {
        if (position < 0 || length < 0 || position > size() || length > size() - position) {
            throw new FlatBufferFormatException(what + " at offset " + position + " runs past the end of the buffer ("
                    + size() + " bytes)");
        }
    }
}
