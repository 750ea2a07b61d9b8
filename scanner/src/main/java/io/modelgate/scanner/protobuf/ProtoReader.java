package io.modelgate.scanner.protobuf;

import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.io.LimitExceededException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.LongConsumer;

/**
 * Reads the fields of one protobuf message, strictly and within bounds: varints are at most 10 bytes,
 * field numbers and wire types are validated, every length-delimited value must fit in the remaining
 * bytes of its enclosing message, and nested messages are limited in depth. A group (deprecated, used by
 * none of these formats) is skipped to its end-group tag, as protobuf parsers skip an unknown group field;
 * reading one as a value fails. Values are read lazily, so skipping a 2 GB tensor costs nothing.
 *
 * <p>Usage: {@code while (reader.next()) { switch (reader.field()) { ... } }}; a field that is not
 * read is skipped by the following {@code next()}.
 */
public final class ProtoReader {

    public static final int DEFAULT_MAX_DEPTH = 64;
    private static final int MAX_FIELD_NUMBER = (1 << 29) - 1;
    private static final int MAX_VARINT_BYTES = 10;

    private final BlockCache cache;
    private final long start;
    private final long end;
    private final int depth;
    private final int maxDepth;
    private long position;
    private long tagOffset = -1;
    private int field;
    private WireType wireType;
    private long varintValue;
    private long valueOffset;
    private long valueLength;

    private ProtoReader(BlockCache cache, long start, long end, int depth, int maxDepth) {
        this.cache = cache;
        this.start = start;
        this.end = end;
        this.depth = depth;
        this.maxDepth = maxDepth;
        this.position = start;
    }

    /** A reader over the whole source as one top-level message. */
    public static ProtoReader of(ByteSource source, int maxDepth) {
        return new ProtoReader(new BlockCache(source), 0, source.size(), 0, maxDepth);
    }

    /** Moves to the next field; false at the end of the message. */
    public boolean next() throws IOException {
        if (position >= end) {
            return false;
        }
        tagOffset = position;
        long tag = readVarint();
        long number = tag >>> 3;
        if (number == 0 || number > MAX_FIELD_NUMBER) {
            throw new ProtoFormatException("invalid field number ", number, " at offset ", tagOffset);
        }
        field = (int) number;
        wireType = WireType.of((int) (tag & 7));
        switch (wireType) {
            case VARINT -> {
                valueOffset = position;
                varintValue = readVarint();
            }
            case I64 -> fixedWidth(8);
            case I32 -> fixedWidth(4);
            case LEN -> {
                long length = readVarint();
                if (length < 0 || length > end - position) {
                    throw new ProtoFormatException("field ", field, " at offset ", tagOffset, " declares ",
                            length < 0 ? Long.toUnsignedString(length) : length, " bytes but its message has ",
                            end - position, " left");
                }
                valueOffset = position;
                valueLength = length;
                position += length;
            }
            case START_GROUP -> {
                valueOffset = position;
                skipGroup(field, depth + 1);
                valueLength = position - valueOffset;
            }
            default -> throw new ProtoFormatException("end-group tag of field ", field, " at offset ", tagOffset,
                    " closes no group");
        }
        return true;
    }

    /**
     * Skips a deprecated group up to its matching end-group tag, as protobuf parsers skip an unknown group
     * field; nested groups count against the depth limit.
     */
    private void skipGroup(int groupField, int groupDepth) throws IOException {
        if (groupDepth > maxDepth) {
            throw new LimitExceededException("protobuf groups nested deeper than " + maxDepth + " levels");
        }
        while (true) {
            if (position >= end) {
                throw new ProtoFormatException("group of field ", groupField,
                        " is not closed before the end of its message");
            }
            long at = position;
            long tag = readVarint();
            long number = tag >>> 3;
            if (number == 0 || number > MAX_FIELD_NUMBER) {
                throw new ProtoFormatException("invalid field number ", number, " at offset ", at);
            }
            switch (WireType.of((int) (tag & 7))) {
                case VARINT -> readVarint();
                case I64 -> skipFixed(8, at);
                case I32 -> skipFixed(4, at);
                case LEN -> {
                    long length = readVarint();
                    if (length < 0 || length > end - position) {
                        throw new ProtoFormatException("field ", number, " at offset ", at, " runs past its message");
                    }
                    position += length;
                }
                case START_GROUP -> skipGroup((int) number, groupDepth + 1);
                case END_GROUP -> {
                    if (number != groupField) {
                        throw new ProtoFormatException("end-group tag of field ", number, " at offset ", at,
                                " does not close the group of field ", groupField);
                    }
                    return;
                }
            }
        }
    }

    private void skipFixed(int width, long at) throws ProtoFormatException {
        if (end - position < width) {
            throw new ProtoFormatException("field at offset ", at, " is cut off");
        }
        position += width;
    }

    public int field() {
        return field;
    }

    public WireType wireType() {
        return wireType;
    }

    /** Offset of the current field's tag in the source. */
    public long offset() {
        return tagOffset;
    }

    /** Offset of the message's first byte in the source. */
    public long start() {
        return start;
    }

    public long end() {
        return end;
    }

    public int depth() {
        return depth;
    }

    public long varint() throws ProtoFormatException {
        expect(WireType.VARINT);
        return varintValue;
    }

    /** Byte length of the current length-delimited field. */
    public long length() throws ProtoFormatException {
        expect(WireType.LEN);
        return valueLength;
    }

    public long fixed64() throws IOException {
        expect(WireType.I64);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value |= ((long) cache.byteAt(valueOffset + i)) << (8 * i);
        }
        return value;
    }

    /** The value as a string, cut to {@code maxBytes} (names are short; a longer one is kept only in part). */
    public String string(int maxBytes) throws IOException {
        expect(WireType.LEN);
        int take = (int) Math.min(valueLength, maxBytes);
        return new String(cache.read(valueOffset, take), StandardCharsets.UTF_8);
    }

    /** The value's bytes; fails when it is longer than {@code maxBytes}. */
    public byte[] bytes(int maxBytes) throws IOException {
        expect(WireType.LEN);
        if (valueLength > maxBytes) {
            throw new LimitExceededException("field " + field + " at offset " + tagOffset + " holds " + valueLength
                    + " bytes, more than the " + maxBytes + " kept in memory");
        }
        return cache.read(valueOffset, (int) valueLength);
    }

    /** A reader over the embedded message in the current field, one level deeper. */
    public ProtoReader message() throws IOException {
        expect(WireType.LEN);
        if (depth + 1 > maxDepth) {
            throw new LimitExceededException("protobuf messages nested deeper than " + maxDepth + " levels");
        }
        return new ProtoReader(cache, valueOffset, valueOffset + valueLength, depth + 1, maxDepth);
    }

    /**
     * Calls {@code sink} for each varint of a repeated scalar field, packed (one length-delimited run) or
     * not (one varint per field); stops after {@code max} values.
     */
    public int varints(int max, LongConsumer sink) throws IOException {
        if (wireType == WireType.VARINT) {
            if (max < 1) {
                throw new LimitExceededException("more than the allowed values in field " + field);
            }
            sink.accept(varintValue);
            return 1;
        }
        expect(WireType.LEN);
        long saved = position;
        position = valueOffset;
        long packedEnd = valueOffset + valueLength;
        int count = 0;
        try {
            while (position < packedEnd) {
                if (count == max) {
                    throw new LimitExceededException("more than " + max + " packed values in field " + field);
                }
                long value = readVarint(packedEnd);
                sink.accept(value);
                count++;
            }
        } finally {
            position = saved;
        }
        return count;
    }

    /**
     * Number of values in a repeated scalar field occurrence: fixed-width values count by length, packed
     * varints by their final bytes.
     */
    public long valueCount(int fixedWidth) throws IOException {
        if (wireType != WireType.LEN) {
            return 1;
        }
        if (fixedWidth > 0) {
            if (valueLength % fixedWidth != 0) {
                throw new ProtoFormatException("packed field ", field, " at offset ", tagOffset, " has ",
                        valueLength, " bytes, not a multiple of ", fixedWidth);
            }
            return valueLength / fixedWidth;
        }
        long count = 0;
        for (long p = valueOffset; p < valueOffset + valueLength; p++) {
            if ((cache.byteAt(p) & 0x80) == 0) {
                count++;
            }
        }
        return count;
    }

    private void fixedWidth(int width) throws ProtoFormatException {
        if (end - position < width) {
            throw new ProtoFormatException("field ", field, " at offset ", tagOffset, " is cut off");
        }
        valueOffset = position;
        position += width;
    }

    private void expect(WireType wanted) throws ProtoFormatException {
        if (wireType != wanted) {
            throw new ProtoFormatException("field ", field, " at offset ", tagOffset, " has wire type ", wireType,
                    ", expected ", wanted);
        }
    }

    private long readVarint() throws IOException {
        return readVarint(end);
    }

    private long readVarint(long limit) throws IOException {
        long value = 0;
        for (int i = 0; i < MAX_VARINT_BYTES; i++) {
            if (position >= limit) {
                throw new ProtoFormatException("varint at offset ", position, " runs past the end of its message");
            }
            int b = cache.byteAt(position++);
            if (i == MAX_VARINT_BYTES - 1 && b > 1) {
                throw new ProtoFormatException("varint ending at offset ", position - 1, " overflows 64 bits");
            }
            value |= ((long) (b & 0x7f)) << (7 * i);
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new ProtoFormatException("varint at offset ", position - MAX_VARINT_BYTES, " is longer than 10 bytes");
    }
}
