package io.modelgate.scanner.flax;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes msgpack as msgpack-python's packb does (smallest encoding of each value), for test fixtures. */
final class MsgpackWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    MsgpackWriter map(int entries) {
        if (entries < 16) {
            out.write(0x80 | entries);
        } else {
            out.write(0xde);
            u16(entries);
        }
        return this;
    }

    MsgpackWriter array(int items) {
        if (items < 16) {
            out.write(0x90 | items);
        } else {
            out.write(0xdc);
            u16(items);
        }
        return this;
    }

    MsgpackWriter str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length < 32) {
            out.write(0xa0 | b.length);
        } else {
            out.write(0xd9);
            out.write(b.length);
        }
        out.writeBytes(b);
        return this;
    }

    MsgpackWriter bin(byte[] b) {
        out.write(0xc6);
        u32(b.length);
        out.writeBytes(b);
        return this;
    }

    MsgpackWriter integer(int v) {
        if (v >= 0 && v < 128) {
            out.write(v);
        } else {
            out.write(0xd2);
            u32(v);
        }
        return this;
    }

    MsgpackWriter float64(double d) {
        out.write(0xcb);
        long bits = Double.doubleToLongBits(d);
        u32(bits >>> 32);
        u32(bits);
        return this;
    }

    MsgpackWriter ext(int code, byte[] payload) {
        out.write(0xc9);
        u32(payload.length);
        out.write(code);
        out.writeBytes(payload);
        return this;
    }

    MsgpackWriter raw(int b) {
        out.write(b);
        return this;
    }

    /** Flax's ndarray record: (shape, dtype name, C-order bytes). */
    static byte[] ndarray(String dtype, int itemSize, int... shape) {
        MsgpackWriter w = new MsgpackWriter().array(3).array(shape.length);
        int n = 1;
        for (int d : shape) {
            w.integer(d);
            n *= d;
        }
        return w.str(dtype).bin(new byte[n * itemSize]).bytes();
    }

    private void u16(int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    private void u32(long v) {
        out.write((int) (v >>> 24));
        out.write((int) (v >>> 16));
        out.write((int) (v >>> 8));
        out.write((int) v);
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    /** A two-layer MLP's params as flax.serialization.to_bytes writes them, with a step counter and a scalar. */
    static byte[] mlpCheckpoint() {
        return new MsgpackWriter().map(2)
                .str("params").map(2)
                .str("Dense_0").map(2)
                .str("bias").ext(1, ndarray("float32", 4, 16))
                .str("kernel").ext(1, ndarray("float32", 4, 8, 16))
                .str("Dense_1").map(2)
                .str("bias").ext(1, ndarray("bfloat16", 2, 4))
                .str("kernel").ext(1, ndarray("bfloat16", 2, 16, 4))
                .str("opt_state").map(3)
                .str("count").ext(3, ndarray("int32", 4))
                .str("lr").ext(2, new MsgpackWriter().array(2).float64(0.001).float64(0).bytes())
                .str("betas").ext(4, new MsgpackWriter().array(2).float64(0.9).float64(0.999).bytes())
                .bytes();
    }
}
