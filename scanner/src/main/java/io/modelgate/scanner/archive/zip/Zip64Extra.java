package io.modelgate.scanner.archive.zip;

/**
 * The zip64 extended-information extra field (id 0x0001): 64-bit values for the 32-bit header fields
 * set to 0xFFFFFFFF, in the fixed order uncompressed size, compressed size, header offset.
 */
final class Zip64Extra {

    static final long MARKER = 0xFFFFFFFFL;
    private static final int ZIP64_ID = 0x0001;

    private Zip64Extra() {
    }

    /**
     * Replaces marked values in {@code fields} (in zip64 order) with those of the extra field; values not
     * found stay as they were.
     */
    static long[] resolve(byte[] extra, long... fields) {
        long[] out = fields.clone();
        int at = 0;
        while (at + 4 <= extra.length) {
            int id = LittleEndian.u16(extra, at);
            int len = LittleEndian.u16(extra, at + 2);
            int body = at + 4;
            if (body + len > extra.length) {
                break;
            }
            if (id == ZIP64_ID) {
                int pos = body;
                for (int i = 0; i < out.length; i++) {
                    if (out[i] == MARKER && pos + 8 <= body + len) {
                        out[i] = LittleEndian.u64(extra, pos);
                        pos += 8;
                    }
                }
                return out;
            }
            at = body + len;
        }
        return out;
    }
}
