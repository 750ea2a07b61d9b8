package io.modelgate.scanner.ggml;

import java.util.Map;
import java.util.OptionalLong;

/**
 * Bytes of a tensor in a pre-GGUF file. The quantised block layouts changed with the file version: ggjt v3
 * stores fp16 scales (the layouts GGUF kept), earlier files fp32 scales for Q4_0, Q4_1 and Q8_0. Types whose
 * earlier layout is not pinned down here are unknown, so the file stays unproven rather than misread.
 */
final class LegacyTensorSizes {

    private record Block(int elements, int bytes) {
    }

    private static final Map<Integer, Block> CURRENT = Map.ofEntries(
            Map.entry(0, new Block(1, 4)), Map.entry(1, new Block(1, 2)), Map.entry(2, new Block(32, 18)),
            Map.entry(3, new Block(32, 20)), Map.entry(6, new Block(32, 22)), Map.entry(7, new Block(32, 24)),
            Map.entry(8, new Block(32, 34)), Map.entry(9, new Block(32, 36)), Map.entry(10, new Block(256, 84)),
            Map.entry(11, new Block(256, 110)), Map.entry(12, new Block(256, 144)), Map.entry(13, new Block(256, 176)),
            Map.entry(14, new Block(256, 210)), Map.entry(15, new Block(256, 292)));
    private static final Map<Integer, Block> EARLY = Map.of(
            0, new Block(1, 4), 1, new Block(1, 2), 2, new Block(32, 20), 3, new Block(32, 24), 8, new Block(32, 36));

    private LegacyTensorSizes() {
    }

    /** Bytes for the elements, -1 when not a whole number of blocks or overflowing; empty for an unknown type. */
    static OptionalLong bytes(GgmlVariant variant, long version, int type, long elements) {
        boolean current = variant == GgmlVariant.GGLA || (variant == GgmlVariant.GGJT && version >= 3);
        Block block = (current ? CURRENT : EARLY).get(type);
        if (block == null) {
            return OptionalLong.empty();
        }
        if (elements % block.elements() != 0) {
            return OptionalLong.of(-1);
        }
        try {
            return OptionalLong.of(Math.multiplyExact(elements / block.elements(), (long) block.bytes()));
        } catch (ArithmeticException e) {
            return OptionalLong.of(-1);
        }
    }
}
