package io.modelgate.scanner.flatbuffers;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes flatbuffers for tests, following the flatbuffers binary format: root offset, file identifier, then every
 * table preceded by its vtable and followed by what it references (references always point forward).
 */
public final class FlatBufferWriter {

    /** Something a table field or a vector element can refer to. */
    public sealed interface Ref permits Table, Vector, Str {
    }

    /** A table: field index to a scalar (width and value) or a reference. */
    public static final class Table implements Ref {
        private final Map<Integer, Object> fields = new TreeMap<>();

        public Table scalar(int field, int width, long value) {
            fields.put(field, new long[]{width, value});
            return this;
        }

        public Table ref(int field, Ref value) {
            fields.put(field, value);
            return this;
        }

        public Table string(int field, String value) {
            return ref(field, new Str(value));
        }
    }

    /** A vector of references, or of scalars of one width. */
    public static final class Vector implements Ref {
        private final List<Ref> refs;
        private final long[] scalars;
        private final int width;

        private Vector(List<Ref> refs, long[] scalars, int width) {
            this.refs = refs;
            this.scalars = scalars;
            this.width = width;
        }

        public static Vector of(Ref... refs) {
            return new Vector(List.of(refs), null, 4);
        }

        public static Vector of(List<? extends Ref> refs) {
            return new Vector(new ArrayList<>(refs), null, 4);
        }

        public static Vector scalars(int width, long... values) {
            return new Vector(null, values, width);
        }

        public static Vector bytes(byte[] values) {
            long[] longs = new long[values.length];
            for (int i = 0; i < values.length; i++) {
                longs[i] = values[i] & 0xff;
            }
            return new Vector(null, longs, 1);
        }
    }

    public record Str(String value) implements Ref {
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    /** Offset fields to fill once the buffer is complete: position of the field, target. */
    private final List<int[]> patches = new ArrayList<>();

    private FlatBufferWriter() {
    }

    /** A buffer with {@code identifier} (4 ASCII characters, or null) and optional bytes after it. */
    public static byte[] write(String identifier, byte[] afterIdentifier, Table root) {
        FlatBufferWriter writer = new FlatBufferWriter();
        writer.u32(0);
        if (identifier != null) {
            writer.out.writeBytes(identifier.getBytes(StandardCharsets.US_ASCII));
        }
        writer.out.writeBytes(afterIdentifier);
        writer.pad();
        int rootAt = writer.put(root);
        byte[] bytes = writer.out.toByteArray();
        set(bytes, 0, rootAt, 4);
        for (int[] patch : writer.patches) {
            set(bytes, patch[0], patch[1] - patch[0], 4);
        }
        return bytes;
    }

    public static byte[] write(String identifier, Table root) {
        return write(identifier, new byte[0], root);
    }

    private int put(Ref ref) {
        if (ref instanceof Table table) {
            return putTable(table);
        }
        if (ref instanceof Vector vector) {
            return putVector(vector);
        }
        return putString(((Str) ref).value());
    }

    private int putTable(Table table) {
        int fieldCount = table.fields.isEmpty() ? 0 : ((TreeMap<Integer, Object>) table.fields).lastKey() + 1;
        int[] offsets = new int[fieldCount];
        int inline = 4;
        for (Map.Entry<Integer, Object> field : table.fields.entrySet()) {
            offsets[field.getKey()] = inline;
            inline += field.getValue() instanceof long[] scalar ? (int) scalar[0] : 4;
        }
        int vtableAt = out.size();
        u16(4 + 2 * fieldCount);
        u16(inline);
        for (int offset : offsets) {
            u16(offset);
        }
        pad();
        int tableAt = out.size();
        u32(tableAt - vtableAt);
        List<Object[]> children = new ArrayList<>();
        for (Map.Entry<Integer, Object> field : table.fields.entrySet()) {
            if (field.getValue() instanceof long[] scalar) {
                le(scalar[1], (int) scalar[0]);
            } else {
                children.add(new Object[]{out.size(), field.getValue()});
                u32(0);
            }
        }
        pad();
        for (Object[] child : children) {
            patch((int) child[0], put((Ref) child[1]));
        }
        return tableAt;
    }

    private int putVector(Vector vector) {
        int at = out.size();
        if (vector.refs == null) {
            u32(vector.scalars.length);
            for (long value : vector.scalars) {
                le(value, vector.width);
            }
            pad();
            return at;
        }
        u32(vector.refs.size());
        int first = out.size();
        for (int i = 0; i < vector.refs.size(); i++) {
            u32(0);
        }
        for (int i = 0; i < vector.refs.size(); i++) {
            patch(first + 4 * i, put(vector.refs.get(i)));
        }
        return at;
    }

    private int putString(String value) {
        int at = out.size();
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        u32(bytes.length);
        out.writeBytes(bytes);
        out.write(0);
        pad();
        return at;
    }

    /** Offsets are written once the whole buffer exists. */
    private void patch(int at, int target) {
        patches.add(new int[]{at, target});
    }

    private void pad() {
        while (out.size() % 4 != 0) {
            out.write(0);
        }
    }

    private void u16(int value) {
        le(value, 2);
    }

    private void u32(long value) {
        le(value, 4);
    }

    private void le(long value, int width) {
        for (int i = 0; i < width; i++) {
            out.write((int) (value >>> (8 * i)));
        }
    }

    private static void set(byte[] bytes, int at, long value, int width) {
        for (int i = 0; i < width; i++) {
            bytes[at + i] = (byte) (value >>> (8 * i));
        }
    }
}
