package io.modelgate.scanner.joblib;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds joblib-style pickle streams: one NumpyArrayWrapper, its inline data, then more opcodes. */
final class JoblibStream {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    JoblibStream() {
        out.writeBytes(new byte[]{(byte) 0x80, 4});
    }

    /**
     * Pushes a wrapper with the given shape (as raw opcodes building a tuple), dtype type string and
     * alignment (null writes None), then BUILDs it: the caller appends the inline data next.
     */
    JoblibStream wrapper(byte[] shapeTuple, String typestr, Integer alignment) {
        text("joblib.numpy_pickle");
        text("NumpyArrayWrapper");
        out.writeBytes(new byte[]{(byte) 0x93, ')', (byte) 0x81, '}', '('});
        text("shape");
        out.writeBytes(shapeTuple);
        text("order");
        text("C");
        text("dtype");
        text("numpy");
        text("dtype");
        out.write(0x93);
        text(typestr);
        out.writeBytes(new byte[]{(byte) 0x89, (byte) 0x88, (byte) 0x87, 'R'});
        text("numpy_array_alignment_bytes");
        if (alignment == null) {
            out.write('N');
        } else {
            out.writeBytes(new byte[]{'K', (byte) (int) alignment});
        }
        out.writeBytes(new byte[]{'u', 'b'});
        return this;
    }

    JoblibStream raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /** Pops the value of the wrapper and ends the pickle. */
    byte[] stop() {
        out.writeBytes(new byte[]{'0', 'N', '.'});
        return out.toByteArray();
    }

    private void text(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write(0x8c);
        out.write(b.length);
        out.writeBytes(b);
    }

    /** A tuple of small dimensions. */
    static byte[] shape(int... dims) {
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        t.write('(');
        for (int d : dims) {
            t.writeBytes(new byte[]{'M', (byte) d, (byte) (d >> 8)});
        }
        t.write('t');
        return t.toByteArray();
    }
}
