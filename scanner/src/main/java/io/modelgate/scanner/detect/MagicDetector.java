package io.modelgate.scanner.detect;

import io.modelgate.scanner.io.ByteSource;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Fixed magic numbers of containers, compressors and binary model formats. */
public final class MagicDetector implements FormatDetector {

    private static final byte[] ZIP_LOCAL = {'P', 'K', 3, 4};
    private static final byte[] ZIP_EMPTY = {'P', 'K', 5, 6};
    private static final byte[] ZIP_SPANNED = {'P', 'K', 7, 8};
    private static final byte[] GZIP = {0x1f, (byte) 0x8b};
    private static final byte[] BZIP2 = {'B', 'Z', 'h'};
    private static final byte[] XZ = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0};
    private static final byte[] ZSTD = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};
    private static final byte[] SEVEN_Z = {'7', 'z', (byte) 0xbc, (byte) 0xaf, 0x27, 0x1c};
    private static final byte[] NUMPY = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final byte[] GGUF = {'G', 'G', 'U', 'F'};
    private static final byte[] HDF5 = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final byte[] USTAR = {'u', 's', 't', 'a', 'r'};

    @Override
    public Optional<Detection> detect(ByteSource source, byte[] head, String name) {
        if (startsWith(head, ZIP_LOCAL) || startsWith(head, ZIP_EMPTY) || startsWith(head, ZIP_SPANNED)) {
            return found(ModelFormat.ZIP, "zip signature PK");
        }
        if (startsWith(head, GZIP)) {
            return found(ModelFormat.GZIP, "gzip magic 1f8b");
        }
        if (startsWith(head, BZIP2) && head.length > 3 && head[3] >= '1' && head[3] <= '9') {
            return found(ModelFormat.BZIP2, "bzip2 magic BZh");
        }
        if (startsWith(head, XZ)) {
            return found(ModelFormat.XZ, "xz magic");
        }
        if (startsWith(head, ZSTD)) {
            return found(ModelFormat.ZSTD, "zstd frame magic");
        }
        if (startsWith(head, SEVEN_Z)) {
            return found(ModelFormat.SEVEN_Z, "7z signature");
        }
        if (startsWith(head, NUMPY)) {
            return found(ModelFormat.NUMPY, "NumPy .npy magic");
        }
        if (startsWith(head, GGUF)) {
            return found(ModelFormat.GGUF, "GGUF magic");
        }
        if (startsWith(head, HDF5)) {
            return found(ModelFormat.HDF5, "HDF5 signature");
        }
        if (head.length >= 262 && regionEquals(head, 257, USTAR)) {
            return found(ModelFormat.TAR, "ustar tar header");
        }
        if (looksLikeOldTar(head)) {
            return found(ModelFormat.TAR, "tar header checksum");
        }
        if (looksLikeZlib(head)) {
            return found(ModelFormat.ZLIB, "zlib header");
        }
        if (looksLikeLzma(head, source.size())) {
            return found(ModelFormat.LZMA, "lzma-alone header");
        }
        return Optional.empty();
    }

    private static Optional<Detection> found(ModelFormat format, String reason) {
        return Optional.of(new Detection(format, reason));
    }

    static boolean startsWith(byte[] head, byte[] magic) {
        return regionEquals(head, 0, magic);
    }

    static boolean regionEquals(byte[] head, int at, byte[] magic) {
        if (head.length < at + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[at + i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** Pre-POSIX tar: no magic, but a header whose octal checksum matches its bytes. */
    private static boolean looksLikeOldTar(byte[] head) {
        if (head.length < 512 || head[0] == 0) {
            return false;
        }
        String field = new String(head, 148, 8, StandardCharsets.US_ASCII).trim();
        int end = field.indexOf('\0');
        if (end >= 0) {
            field = field.substring(0, end).trim();
        }
        if (field.isEmpty() || !field.chars().allMatch(c -> c >= '0' && c <= '7')) {
            return false;
        }
        long expected = Long.parseLong(field, 8);
        long sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (head[i] & 0xff);
        }
        return sum == expected;
    }

    /** zlib: CMF=deflate with window <= 32K, and the header check bits (RFC 1950). */
    private static boolean looksLikeZlib(byte[] head) {
        if (head.length < 2) {
            return false;
        }
        int cmf = head[0] & 0xff;
        int flg = head[1] & 0xff;
        return (cmf & 0x0f) == 8 && (cmf >> 4) <= 7 && ((cmf << 8) | flg) % 31 == 0 && (flg & 0x20) == 0
                && inflatesCleanly(head);
    }

    /**
     * The two header bytes match about one input in 500 (text starting with "(S'" does), so the deflate
     * data after them must also decode without error as far as the head goes.
     */
    private static boolean inflatesCleanly(byte[] head) {
        java.util.zip.Inflater inflater = new java.util.zip.Inflater();
        try {
            inflater.setInput(head);
            byte[] out = new byte[8192];
            int total = 0;
            while (!inflater.finished() && !inflater.needsInput() && total < 1 << 20) {
                int n = inflater.inflate(out);
                if (n == 0) {
                    break;
                }
                total += n;
            }
            return true;
        } catch (java.util.zip.DataFormatException e) {
            return false;
        } finally {
            inflater.end();
        }
    }

    /** lzma-alone (.lzma, joblib's 'lzma' compressor): properties byte, dictionary size, then size or -1. */
    private static boolean looksLikeLzma(byte[] head, long size) {
        if (head.length < 13 || (head[0] & 0xff) >= 9 * 5 * 5) {
            return false;
        }
        long dict = (head[1] & 0xffL) | (head[2] & 0xffL) << 8 | (head[3] & 0xffL) << 16 | (head[4] & 0xffL) << 24;
        boolean powerOfTwoish = Long.bitCount(dict) <= 2 && dict >= (1 << 12) && dict <= (1L << 30);
        if (!powerOfTwoish || head[0] != 0x5d) {
            return false;
        }
        long unpacked = 0;
        boolean unknown = true;
        for (int i = 0; i < 8; i++) {
            int b = head[5 + i] & 0xff;
            unpacked |= ((long) b) << (8 * i);
            unknown &= b == 0xff;
        }
        return unknown || (unpacked > 0 && unpacked < size * 2000L);
    }
}
