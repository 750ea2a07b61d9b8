package io.modelgate.scanner.gguf;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Writes raw GGUF bytes for hostile-input tests; every field is under the test's control. */
final class GgufBuilder {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteOrder order;

    GgufBuilder(ByteOrder order) {
        this.order = order;
    }

    static GgufBuilder header(long version, long tensors, long kvs) {
        GgufBuilder b = new GgufBuilder(ByteOrder.LITTLE_ENDIAN);
        b.raw("GGUF".getBytes(StandardCharsets.US_ASCII)).u32(version).u64(tensors).u64(kvs);
        return b;
    }

    GgufBuilder raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    GgufBuilder u32(long v) {
        return raw(ByteBuffer.allocate(4).order(order).putInt((int) v).array());
    }

    GgufBuilder u64(long v) {
        return raw(ByteBuffer.allocate(8).order(order).putLong(v).array());
    }

    GgufBuilder string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return u64(b.length).raw(b);
    }

    GgufBuilder kvString(String key, String value) {
        return string(key).u32(8).string(value);
    }

    GgufBuilder kvU32(String key, long value) {
        return string(key).u32(4).u32(value);
    }

    GgufBuilder tensor(String name, long[] dims, int type, long offset) {
        string(name).u32(dims.length);
        for (long d : dims) {
            u64(d);
        }
        return u32(type).u64(offset);
    }

    /** Pads with zeros to a multiple of {@code alignment}. */
    GgufBuilder pad(int alignment) {
        while (out.size() % alignment != 0) {
            out.write(0);
        }
        return this;
    }

    GgufBuilder zeros(int n) {
        return raw(new byte[n]);
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
