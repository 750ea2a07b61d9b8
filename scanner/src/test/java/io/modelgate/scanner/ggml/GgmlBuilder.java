package io.modelgate.scanner.ggml;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Writes pre-GGUF llama.cpp files as the old converters did (convert.py, export-lora), from the layout alone. */
final class GgmlBuilder {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final boolean aligned;

    private GgmlBuilder(String magic, boolean aligned) {
        this.aligned = aligned;
        byte[] m = magic.getBytes(StandardCharsets.US_ASCII);
        for (int i = 3; i >= 0; i--) {
            out.write(m[i]);
        }
    }

    static GgmlBuilder ggjt(int version) {
        return new GgmlBuilder("ggjt", true).u32(version);
    }

    static GgmlBuilder ggmf() {
        return new GgmlBuilder("ggmf", false).u32(1);
    }

    static GgmlBuilder ggml() {
        return new GgmlBuilder("ggml", false);
    }

    static GgmlBuilder ggla(int rank, int alpha) {
        return new GgmlBuilder("ggla", true).u32(1).u32(rank).u32(alpha);
    }

    /** n_vocab, n_embd, n_mult, n_head, n_layer, n_rot, ftype. */
    GgmlBuilder llamaHparams(int vocab, int embd, int layers, int ftype) {
        return u32(vocab).u32(embd).u32(256).u32(4).u32(layers).u32(embd / 4).u32(ftype);
    }

    GgmlBuilder token(String text, boolean score) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        u32(b.length);
        out.writeBytes(b);
        if (score) {
            u32(Float.floatToIntBits(-1.5f));
        }
        return this;
    }

    GgmlBuilder tensor(String name, int type, long dataBytes, int... dims) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        u32(dims.length).u32(n.length).u32(type);
        for (int d : dims) {
            u32(d);
        }
        out.writeBytes(n);
        if (aligned) {
            while (out.size() % 32 != 0) {
                out.write(0);
            }
        }
        out.writeBytes(new byte[(int) dataBytes]);
        return this;
    }

    GgmlBuilder u32(long value) {
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) value).array());
        return this;
    }

    int size() {
        return out.size();
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    /** A small llama ggjt v3 model: 4 tokens, f32 norm, q4_0 and q8_0 matrices. */
    static byte[] tinyLlama() {
        GgmlBuilder b = ggjt(3).llamaHparams(4, 64, 1, 2);
        for (String t : new String[]{"<unk>", "<s>", "</s>", "\u2581the"}) {
            b.token(t, true);
        }
        return b.tensor("tok_embeddings.weight", 2, 4 * 64 / 32 * 18, 64, 4)
                .tensor("norm.weight", 0, 64 * 4, 64)
                .tensor("layers.0.attention.wq.weight", 8, 64 * 64 / 32 * 34, 64, 64)
                .tensor("output.weight", 1, 64 * 4 * 2, 64, 4).bytes();
    }
}
