package io.modelgate.scanner.archive.zip;

/** Unsigned little-endian reads from a header buffer. */
final class LittleEndian {

    private LittleEndian() {
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    static long u32(byte[] b, int at) {
        return (u16(b, at) & 0xffffL) | (u16(b, at + 2) & 0xffffL) << 16;
    }

    /** A 64-bit field; values above Long.MAX_VALUE come out negative and are rejected by bounds checks. */
    static long u64(byte[] b, int at) {
        return u32(b, at) | u32(b, at + 4) << 32;
    }

    static boolean signatureAt(byte[] b, int at, int third, int fourth) {
        return at >= 0 && at + 4 <= b.length && b[at] == 'P' && b[at + 1] == 'K' && b[at + 2] == third
                && b[at + 3] == fourth;
    }
}
