package io.modelgate.scanner.archive.compress;

import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;
import org.tukaani.xz.LZMAInputStream;
import org.tukaani.xz.SingleXZInputStream;

import java.io.IOException;

/** Where a member of each single-stream compression format starts, and its decoder. */
final class Members {

    private static final byte[] XZ_MAGIC = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0};
    private static final byte[] ZSTD_MAGIC = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};

    private Members() {
    }

    /** True when the bytes at {@code at} begin a member of {@code format}. */
    static boolean startsMember(ModelFormat format, ByteSource source, long at) throws IOException {
        byte[] head = source.readFully(at, (int) Math.min(LzmaAloneHeader.MIN_STREAM, source.size() - at));
        return switch (format) {
            case GZIP -> head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
            case BZIP2 -> head.length >= 4 && head[0] == 'B' && head[1] == 'Z' && head[2] == 'h'
                    && head[3] >= '1' && head[3] <= '9';
            case XZ -> startsWith(head, XZ_MAGIC);
            case LZMA -> LzmaAloneHeader.plausible(head);
            case ZLIB -> head.length >= 2 && zlibHeader(head[0] & 0xff, head[1] & 0xff);
            case ZSTD -> startsWith(head, ZSTD_MAGIC);
            default -> false;
        };
    }

    /** RFC 1950: deflate with a window of at most 32 KiB and a valid header check. */
    static boolean zlibHeader(int cmf, int flg) {
        return (cmf & 0x0f) == 8 && (cmf >> 4) <= 7 && ((cmf << 8) | flg) % 31 == 0;
    }

    /** Opens the decoder of the member starting at {@code at}; fails when its header is invalid. */
    static Member open(ModelFormat format, ByteSource source, long at) throws IOException {
        return switch (format) {
            case GZIP -> InflatedMember.gzip(source, at);
            case ZLIB -> InflatedMember.zlib(source, at);
            case BZIP2 -> new CountedMember(source, at, in -> new BZip2CompressorInputStream(in, false));
            case XZ -> new CountedMember(source, at, in -> new SingleXZInputStream(in, Decoders.DECODER_MEMORY_KIB));
            case LZMA -> new CountedMember(source, at, in -> new LZMAInputStream(in, Decoders.DECODER_MEMORY_KIB));
            case ZSTD -> new CountedMember(source, at, ZstdCompressorInputStream::new);
            default -> throw new IllegalArgumentException("not a compression format: " + format);
        };
    }

    /**
     * False for zlib: joblib's zlib reader, the loader of such files, reads one stream and ignores what
     * follows, so data after it is trailing data, not a next member.
     */
    static boolean concatenates(ModelFormat format) {
        return format != ModelFormat.ZLIB;
    }

    /**
     * False for zstd, whose decoder reads ahead: its frames are decoded as one run to the end of the file,
     * so nothing after them is ever left unread.
     */
    static boolean endIsExact(ModelFormat format) {
        return format != ModelFormat.ZSTD;
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
