package io.modelgate.scanner.flax;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test oracle, written apart from the reader: decodes msgpack fully into Java objects (as msgpack.unpackb with
 * Flax's ext hook) and throws when the bytes are not exactly one valid object with valid Flax extensions.
 */
final class MsgpackSpec {

    private static final Map<String, Integer> SIZES = Map.of("float32", 4, "bfloat16", 2, "int32", 4, "float16", 2,
            "float64", 8, "int64", 8, "uint8", 1, "int8", 1, "bool", 1);

    private MsgpackSpec() {
    }

    static void check(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        decode(b, 0);
        if (b.hasRemaining()) {
            throw new IllegalStateException("extra data");
        }
    }

    private static Object decode(ByteBuffer b, int depth) {
        if (depth > 128) {
            throw new IllegalStateException("deep");
        }
        int t = b.get() & 0xff;
        if (t < 0x80 || t >= 0xe0) {
            return (long) (byte) t;
        }
        if (t < 0x90) {
            return container(b, (t & 15) * 2, depth);
        }
        if (t < 0xa0) {
            return container(b, t & 15, depth);
        }
        if (t < 0xc0) {
            return string(b, t & 31);
        }
        switch (t) {
            case 0xc0, 0xc2, 0xc3: return null;
            case 0xc4: return take(b, b.get() & 0xff);
            case 0xc5: return take(b, b.getShort() & 0xffff);
            case 0xc6: return take(b, b.getInt());
            case 0xc7: return ext(b, b.get() & 0xff, depth);
            case 0xc8: return ext(b, b.getShort() & 0xffff, depth);
            case 0xc9: return ext(b, b.getInt(), depth);
            case 0xca: return (double) b.getFloat();
            case 0xcb: return b.getDouble();
            case 0xcc: return (long) (b.get() & 0xff);
            case 0xcd: return (long) (b.getShort() & 0xffff);
            case 0xce: return b.getInt() & 0xffffffffL;
            case 0xcf, 0xd3: return b.getLong();
            case 0xd0: return (long) b.get();
            case 0xd1: return (long) b.getShort();
            case 0xd2: return (long) b.getInt();
            case 0xd4: return ext(b, 1, depth);
            case 0xd5: return ext(b, 2, depth);
            case 0xd6: return ext(b, 4, depth);
            case 0xd7: return ext(b, 8, depth);
            case 0xd8: return ext(b, 16, depth);
            case 0xd9: return string(b, b.get() & 0xff);
            case 0xda: return string(b, b.getShort() & 0xffff);
            case 0xdb: return string(b, b.getInt());
            case 0xdc: return container(b, b.getShort() & 0xffff, depth);
            case 0xdd: return container(b, b.getInt(), depth);
            case 0xde: return container(b, (b.getShort() & 0xffff) * 2, depth);
            case 0xdf: return container(b, b.getInt() * 2, depth);
            default: throw new IllegalStateException("reserved byte");
        }
    }

    private static List<Object> container(ByteBuffer b, int n, int depth) {
        if (n < 0 || n > b.remaining()) {
            throw new IllegalStateException("count");
        }
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(decode(b, depth + 1));
        }
        return items;
    }

    private static String string(ByteBuffer b, int n) {
        return new String(take(b, n), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] take(ByteBuffer b, int n) {
        if (n < 0 || n > b.remaining()) {
            throw new IllegalStateException("length");
        }
        byte[] out = new byte[n];
        b.get(out);
        return out;
    }

    private static Object ext(ByteBuffer b, int n, int depth) {
        int code = b.get();
        byte[] payload = take(b, n);
        ByteBuffer p = ByteBuffer.wrap(payload);
        Object inner = decode(p, depth + 1);
        if (p.hasRemaining() || !(inner instanceof List<?> items)) {
            throw new IllegalStateException("ext payload");
        }
        if (code == 1 || code == 3) {
            if (items.size() != 3 || !(items.get(0) instanceof List<?> shape) || !(items.get(2) instanceof byte[] data)) {
                throw new IllegalStateException("ndarray");
            }
            Object dtype = items.get(1);
            String name = dtype instanceof byte[] raw ? new String(raw) : (String) dtype;
            long count = 1;
            for (Object d : shape) {
                count *= (Long) d;
            }
            if (code == 3 && !shape.isEmpty() || !SIZES.containsKey(name) || count * SIZES.get(name) != data.length) {
                throw new IllegalStateException("ndarray size");
            }
        } else if (code == 2) {
            if (items.size() != 2) {
                throw new IllegalStateException("complex");
            }
        } else if (code != 4) {
            throw new IllegalStateException("unknown ext");
        }
        return items;
    }
}
