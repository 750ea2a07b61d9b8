package io.modelgate.scanner.flatbuffers;

import java.util.Arrays;
import java.util.Random;

/** Fixed-seed mutations of a flatbuffer: bytes overwritten, truncation, offsets and lengths set to extremes. */
public final class FlatBufferMutations {

    private FlatBufferMutations() {
    }

    public static byte[] mutate(byte[] original, Random random) {
        byte[] bytes = original.clone();
        switch (random.nextInt(4)) {
            case 0 -> {
                for (int flips = 1 + random.nextInt(6); flips > 0; flips--) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
            }
            case 1 -> bytes = Arrays.copyOf(bytes, 8 + random.nextInt(bytes.length - 8));
            case 2 -> {
                int at = 8 + random.nextInt(bytes.length - 12) & ~3;
                long value = new long[]{0, 1, 0x7fffffffL, 0xffffffffL, 0x80000000L}[random.nextInt(5)];
                for (int i = 0; i < 4; i++) {
                    bytes[at + i] = (byte) (value >>> (8 * i));
                }
            }
            default -> {
                int at = random.nextInt(bytes.length);
                bytes[at] ^= (byte) (1 << random.nextInt(8));
            }
        }
        return bytes;
    }
}
