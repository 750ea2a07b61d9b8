package io.modelgate.scanner.ggml;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * An independent reading of the pre-GGUF layouts, as the test oracle: true when the bytes are a complete file
 * llama.cpp's old loaders read to the end without any impossible value.
 */
final class GgmlSpec {

    /** type -> {elements per block, bytes per block} for ggjt v3 and ggla. */
    private static final Map<Integer, int[]> V3 = Map.ofEntries(Map.entry(0, new int[]{1, 4}), Map.entry(1, new int[]{1, 2}),
            Map.entry(2, new int[]{32, 18}), Map.entry(3, new int[]{32, 20}), Map.entry(6, new int[]{32, 22}),
            Map.entry(7, new int[]{32, 24}), Map.entry(8, new int[]{32, 34}), Map.entry(9, new int[]{32, 36}),
            Map.entry(10, new int[]{256, 84}), Map.entry(11, new int[]{256, 110}), Map.entry(12, new int[]{256, 144}),
            Map.entry(13, new int[]{256, 176}), Map.entry(14, new int[]{256, 210}), Map.entry(15, new int[]{256, 292}));
    private static final Map<Integer, int[]> OLD = Map.of(0, new int[]{1, 4}, 1, new int[]{1, 2}, 2, new int[]{32, 20},
            3, new int[]{32, 24}, 8, new int[]{32, 36});

    private GgmlSpec() {
    }

    static boolean accepts(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        try {
            int magic = b.getInt();
            boolean ggml = magic == 0x67676d6c;
            boolean ggmf = magic == 0x67676d66;
            boolean ggjt = magic == 0x67676a74;
            boolean ggla = magic == 0x67676c61;
            if (!(ggml || ggmf || ggjt || ggla)) {
                return false;
            }
            int version = ggml ? 0 : b.getInt();
            if ((ggmf || ggla) && version != 1 || ggjt && (version < 1 || version > 3)) {
                return false;
            }
            Map<Integer, int[]> types = ggla || (ggjt && version == 3) ? V3 : OLD;
            if (ggla) {
                if (b.getInt() <= 0 || b.getInt() < 0) {
                    return false;
                }
            } else {
                int[] h = new int[7];
                for (int i = 0; i < 7; i++) {
                    h[i] = b.getInt();
                    if (h[i] < 0 || (h[i] == 0 && i < 6)) {
                        return false;
                    }
                }
                if (h[0] > 10_000_000) {
                    return false;
                }
                for (int t = 0; t < h[0]; t++) {
                    int len = b.getInt();
                    if (len < 0 || len > 65536 || len > b.remaining()) {
                        return false;
                    }
                    b.position(b.position() + len);
                    if (!ggml) {
                        b.getFloat();
                    }
                }
            }
            Set<String> names = new HashSet<>();
            int tensors = 0;
            while (b.hasRemaining()) {
                int dims = b.getInt();
                int nameLen = b.getInt();
                int type = b.getInt();
                if (dims < 1 || dims > 4 || nameLen < 1 || nameLen > 4096) {
                    return false;
                }
                long n = 1;
                for (int d = 0; d < dims; d++) {
                    int e = b.getInt();
                    if (e < 1) {
                        return false;
                    }
                    n *= e;
                }
                byte[] name = new byte[nameLen];
                b.get(name);
                if (!names.add(new String(name, java.nio.charset.StandardCharsets.UTF_8))) {
                    return false;
                }
                if (ggjt || ggla) {
                    int pad = (32 - b.position() % 32) % 32;
                    if (pad > b.remaining()) {
                        return false;
                    }
                    b.position(b.position() + pad);
                }
                int[] block = types.get(type);
                if (block == null || n % block[0] != 0) {
                    return false;
                }
                long size = n / block[0] * block[1];
                if (size > b.remaining()) {
                    return false;
                }
                b.position(b.position() + (int) size);
                tensors++;
            }
            return tensors > 0;
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            return false;
        }
    }
}
