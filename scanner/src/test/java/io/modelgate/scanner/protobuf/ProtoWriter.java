package io.modelgate.scanner.protobuf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds protobuf wire-format bytes for tests, including deliberately malformed ones. */
public final class ProtoWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public ProtoWriter varintField(int field, long value) {
        tag(field, 0);
        return rawVarint(value);
    }

    public ProtoWriter bytesField(int field, byte[] value) {
        tag(field, 2);
        rawVarint(value.length);
        out.writeBytes(value);
        return this;
    }

    public ProtoWriter stringField(int field, String value) {
        return bytesField(field, value.getBytes(StandardCharsets.UTF_8));
    }

    public ProtoWriter messageField(int field, ProtoWriter message) {
        return bytesField(field, message.toByteArray());
    }

    public ProtoWriter tag(int field, int wireType) {
        return rawVarint(((long) field << 3) | wireType);
    }

    public ProtoWriter rawVarint(long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
        return this;
    }

    public ProtoWriter raw(byte... bytes) {
        out.writeBytes(bytes);
        return this;
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    /**
     * {@code depth} messages nested inside each other, outermost first, the field numbers taken in turn
     * from {@code fields}; the innermost is empty. Built in linear time, for very deep nesting.
     */
    public static byte[] nested(int depth, int... fields) {
        long[] lengths = new long[depth + 1];
        for (int level = depth - 1; level >= 0; level--) {
            int field = fields[level % fields.length];
            long inner = lengths[level + 1];
            lengths[level] = inner + varintSize(((long) field << 3) | 2) + varintSize(inner);
        }
        ProtoWriter out = new ProtoWriter();
        for (int level = 0; level < depth; level++) {
            out.tag(fields[level % fields.length], 2).rawVarint(lengths[level + 1]);
        }
        return out.toByteArray();
    }

    private static int varintSize(long value) {
        int size = 1;
        while ((value & ~0x7FL) != 0) {
            value >>>= 7;
            size++;
        }
        return size;
    }
}
