package io.modelgate.scanner.pytorch;

import java.io.IOException;
import java.util.Optional;

/**
 * One raw storage record as torch's storage writer lays it out: a little-endian 8-byte element count,
 * then count × element size bytes. The bytes are measured against the data, never read.
 */
final class RawStorage {

    private RawStorage() {
    }

    /** Skips the record at the cursor; false (already reported) when it does not fit. */
    static boolean skip(PickleCursor cursor, int elementBytes, String what) throws IOException {
        Optional<byte[]> countField = cursor.peek(Long.BYTES, what + " element count");
        if (countField.isEmpty()) {
            return false;
        }
        long count = PickleCursor.littleEndian(countField.get(), 0, Long.BYTES);
        long bytes;
        try {
            bytes = count < 0 ? -1 : Math.addExact(Long.BYTES, Math.multiplyExact(count, (long) elementBytes));
        } catch (ArithmeticException e) {
            bytes = -1;
        }
        return cursor.skip(bytes, what + " of " + Long.toUnsignedString(count) + " elements of " + elementBytes
                + " bytes");
    }
}
