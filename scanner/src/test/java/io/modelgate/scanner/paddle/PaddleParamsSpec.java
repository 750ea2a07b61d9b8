package io.modelgate.scanner.paddle;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

/** Test oracle for the save_combine stream, written apart from the reader (a hand-rolled desc decoder). */
final class PaddleParamsSpec {

    private static final Map<Long, Integer> SIZES = Map.ofEntries(Map.entry(0L, 1), Map.entry(1L, 2),
            Map.entry(2L, 4), Map.entry(3L, 8), Map.entry(4L, 2), Map.entry(5L, 4), Map.entry(6L, 8),
            Map.entry(19L, 8), Map.entry(20L, 1), Map.entry(21L, 1), Map.entry(22L, 2), Map.entry(23L, 8),
            Map.entry(24L, 16));

    private PaddleParamsSpec() {
    }

    static boolean accepts(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        try {
            while (b.hasRemaining()) {
                if (b.getInt() != 0) {
                    return false;
                }
                long levels = b.getLong();
                if (levels < 0 || levels > 16) {
                    return false;
                }
                for (long l = 0; l < levels; l++) {
                    long n = b.getLong();
                    if (n < 0 || n % 8 != 0 || n > b.remaining()) {
                        return false;
                    }
                    b.position(b.position() + (int) n);
                }
                if (b.getInt() != 0) {
                    return false;
                }
                int descLength = b.getInt();
                if (descLength < 0 || descLength > b.remaining()) {
                    return false;
                }
                ByteBuffer desc = b.slice(b.position(), descLength);
                b.position(b.position() + descLength);
                long type = -1;
                long count = 1;
                int dims = 0;
                while (desc.hasRemaining()) {
                    long tag = varint(desc);
                    if (tag == 0x08) {
                        type = varint(desc);
                    } else if (tag == 0x10) {
                        long d = varint(desc);
                        if (d < 0 || ++dims > 16 || (count != 0 && d > Long.MAX_VALUE / Math.max(count, 1))) {
                            return false;
                        }
                        count *= d;
                    } else if (tag == 0x12) {
                        long end = varint(desc) + desc.position();
                        if (end > desc.limit()) {
                            return false;
                        }
                        while (desc.position() < end) {
                            long d = varint(desc);
                            if (d < 0 || ++dims > 16 || (count != 0 && d > Long.MAX_VALUE / Math.max(count, 1))) {
                                return false;
                            }
                            count *= d;
                        }
                        if (desc.position() != end) {
                            return false;
                        }
                    } else {
                        return false;
                    }
                }
                Integer size = SIZES.get(type);
                if (size == null || count > Long.MAX_VALUE / size || count * size > b.remaining()) {
                    return false;
                }
                b.position(b.position() + (int) (count * size));
            }
            return true;
        } catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException e) {
            return false;
        }
    }

    private static long varint(ByteBuffer b) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int x = b.get() & 0xff;
            value |= (long) (x & 0x7f) << shift;
            if ((x & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("varint");
    }
}
