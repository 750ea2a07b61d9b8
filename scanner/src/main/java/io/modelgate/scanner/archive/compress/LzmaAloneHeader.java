package io.modelgate.scanner.archive.compress;

/**
 * The 13-byte header of an lzma-alone stream as liblzma (Python's {@code lzma} module, FORMAT_ALONE and
 * FORMAT_AUTO) accepts it: a properties byte with lc + lp at most 4, any dictionary size, an uncompressed
 * size below 2^38 (all ones when unknown), and a range coder whose first byte is zero.
 */
final class LzmaAloneHeader {

    static final int BYTES = 13;
    /** Header plus the range coder's five initial bytes: the shortest stream a decoder accepts. */
    static final int MIN_STREAM = BYTES + 5;

    private LzmaAloneHeader() {
    }

    static boolean plausible(byte[] head) {
        if (head.length < MIN_STREAM) {
            return false;
        }
        int props = head[0] & 0xff;
        if (props >= 9 * 5 * 5) {
            return false;
        }
        int lc = props % 9;
        int lp = (props / 9) % 5;
        return lc + lp <= 4 && head[BYTES] == 0 && plausibleSize(uncompressedSize(head));
    }

    /** Unknown, or below 256 GiB: the bound liblzma's automatic format detection (lzma.open's default) sets. */
    private static boolean plausibleSize(long size) {
        return size == -1 || (size >= 0 && size < 1L << 38);
    }

    /** The declared uncompressed size, -1 when unknown. */
    static long uncompressedSize(byte[] head) {
        long size = 0;
        for (int i = 0; i < 8; i++) {
            size |= (head[5 + i] & 0xffL) << (8 * i);
        }
        return size;
    }
}
