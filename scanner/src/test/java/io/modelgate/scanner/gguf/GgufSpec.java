package io.modelgate.scanner.gguf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Whether a loader following the GGUF specification (as ggml's gguf reader checks it) accepts a file:
 * written independently of the scanner's reader, as the oracle of the property tests. Versions 2 and 3,
 * either byte order; metadata values of the twelve types; at most four dimensions; known tensor types;
 * tensors contiguous from the aligned data start, each padded to the alignment, inside the file.
 */
final class GgufSpec {

    private static final int MAX_DIMS = 4;

    private final ByteBuffer in;
    private long alignment = 32;

    private GgufSpec(byte[] bytes, ByteOrder order) {
        this.in = ByteBuffer.wrap(bytes).order(order);
    }

    static boolean accepts(byte[] bytes) {
        if (bytes.length < 24 || bytes[0] != 'G' || bytes[1] != 'G' || bytes[2] != 'U' || bytes[3] != 'F') {
            return false;
        }
        int le = ByteBuffer.wrap(bytes, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        ByteOrder order = (le == 2 || le == 3) ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        try {
            return new GgufSpec(bytes, order).read();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private boolean read() {
        in.position(4);
        int version = in.getInt();
        if (version != 2 && version != 3) {
            return false;
        }
        long tensors = in.getLong();
        long kvs = in.getLong();
        if (tensors < 0 || kvs < 0 || tensors > in.remaining() || kvs > in.remaining()) {
            return false;
        }
        for (long i = 0; i < kvs; i++) {
            String key = string();
            int type = in.getInt();
            if (key.equals("general.alignment")) {
                if (type != 4) {
                    return false;
                }
                alignment = Integer.toUnsignedLong(in.getInt());
                if (alignment == 0 || Long.bitCount(alignment) != 1) {
                    return false;
                }
            } else if (!skipValue(type, 0)) {
                return false;
            }
        }
        long[] sizes = new long[(int) tensors];
        long[] offsets = new long[(int) tensors];
        for (int t = 0; t < tensors; t++) {
            string();
            int dims = in.getInt();
            if (dims < 1 || dims > MAX_DIMS) {
                return false;
            }
            long elements = 1;
            long first = 0;
            for (int d = 0; d < dims; d++) {
                long n = in.getLong();
                if (n < 0) {
                    return false;
                }
                first = d == 0 ? n : first;
                elements = Math.multiplyExact(elements, n);
            }
            GgmlType type = GgmlType.byId(Integer.toUnsignedLong(in.getInt())).orElse(null);
            if (type == null || first % type.blockElements != 0) {
                return false;
            }
            sizes[t] = type.bytesFor(elements);
            offsets[t] = in.getLong();
            if (sizes[t] < 0) {
                return false;
            }
        }
        long dataStart = pad(in.position());
        long expected = 0;
        for (int t = 0; t < tensors; t++) {
            if (offsets[t] != expected) {
                return false;
            }
            expected = Math.addExact(expected, pad(sizes[t]));
        }
        return tensors == 0 || dataStart + offsets[(int) tensors - 1] + sizes[(int) tensors - 1] <= in.capacity();
    }

    private long pad(long n) {
        return Math.addExact(n, alignment - 1) / alignment * alignment;
    }

    private String string() {
        long length = in.getLong();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalStateException("string runs past the end");
        }
        byte[] b = new byte[(int) length];
        in.get(b);
        // ggml keeps strings as bytes: invalid UTF-8 is not a reason to reject the file
        return new String(b, StandardCharsets.UTF_8);
    }

    private boolean skipValue(int type, int depth) {
        switch (type) {
            case 0, 1 -> in.get();
            case 7 -> {
                int b = in.get();
                if (b != 0 && b != 1) {
                    return false;
                }
            }
            case 2, 3 -> in.getShort();
            case 4, 5, 6 -> in.getInt();
            case 10, 11, 12 -> in.getLong();
            case 8 -> string();
            case 9 -> {
                int elementType = in.getInt();
                long count = in.getLong();
                if (count < 0 || count > in.remaining() || depth > 2) {
                    return false;
                }
                for (long i = 0; i < count; i++) {
                    if (!skipValue(elementType, depth + 1)) {
                        return false;
                    }
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }
}
