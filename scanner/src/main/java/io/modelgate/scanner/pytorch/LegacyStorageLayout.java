package io.modelgate.scanner.pytorch;

import io.modelgate.scanner.analysis.Deadline;
import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Walks the raw storages that follow the pickles of a legacy torch.save stream: for each key of the
 * sorted key list, a little-endian 8-byte element count, then count × element size bytes. The bytes
 * are only measured, never interpreted. Every length is checked against the file before it is used.
 */
final class LegacyStorageLayout {

    /** Where the walk ended: {@code end} just past the last storage, or a reason it could not get there. */
    record Walk(long end, String failure) {
        boolean ok() {
            return failure == null;
        }
    }

    private LegacyStorageLayout() {
    }

    /**
     * @param elementBytes element size of each storage key, as declared by its persistent id
     */
    static Walk walk(ByteSource source, long start, List<String> keys, Map<String, Integer> elementBytes,
                     Deadline deadline) throws IOException {
        long pos = start;
        for (String key : keys) {
            deadline.check();
            Integer size = elementBytes.get(key);
            if (size == null) {
                return new Walk(pos, "storage '" + key + "' is listed but no persistent id declares its type");
            }
            if (source.size() - pos < Long.BYTES) {
                return new Walk(pos, "storage '" + key + "' has no element count (file ends at " + source.size() + ")");
            }
            long count = littleEndianLong(source.readFully(pos, Long.BYTES));
            long bytes;
            try {
                bytes = count < 0 ? -1 : Math.multiplyExact(count, (long) size);
            } catch (ArithmeticException e) {
                bytes = -1;
            }
            if (bytes < 0 || bytes > source.size() - pos - Long.BYTES) {
                return new Walk(pos, "storage '" + key + "' declares " + Long.toUnsignedString(count) + " elements of "
                        + size + " bytes at offset " + pos + ", beyond the end of the file");
            }
            pos += Long.BYTES + bytes;
        }
        return new Walk(pos, null);
    }

    private static long littleEndianLong(byte[] b) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (b[i] & 0xff);
        }
        return v;
    }
}
