package io.modelgate.scanner.archive.compress;

import io.modelgate.scanner.io.ByteSource;

import java.io.EOFException;
import java.io.IOException;

/**
 * The header of a gzip member (RFC 1952), read the way CPython's gzip module reads it: magic, method 8,
 * then the optional extra field, name, comment and header CRC, which are skipped; reserved flag bits and
 * the header CRC's value are ignored there too.
 */
final class GzipHeader {

    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    private static final int FIXED_BYTES = 10;

    private GzipHeader() {
    }

    static boolean startsMember(ByteSource source, long at) throws IOException {
        return at + 2 <= source.size() && (source.readFully(at, 2)[0] & 0xff) == 0x1f
                && (source.readFully(at + 1, 1)[0] & 0xff) == 0x8b;
    }

    /** Offset of the deflate data of the member starting at {@code at}. */
    static long dataStart(ByteSource source, long at) throws IOException {
        if (!startsMember(source, at)) {
            throw new IOException("no gzip header at offset " + at);
        }
        byte[] fixed = read(source, at, FIXED_BYTES);
        if (fixed[2] != 8) {
            throw new IOException("gzip member at offset " + at + " uses unknown compression method " + (fixed[2] & 0xff));
        }
        int flags = fixed[3] & 0xff;
        long p = at + FIXED_BYTES;
        if ((flags & FEXTRA) != 0) {
            byte[] length = read(source, p, 2);
            p += 2 + ((length[0] & 0xff) | (length[1] & 0xff) << 8);
        }
        if ((flags & FNAME) != 0) {
            p = pastZero(source, p);
        }
        if ((flags & FCOMMENT) != 0) {
            p = pastZero(source, p);
        }
        if ((flags & FHCRC) != 0) {
            p += 2;
        }
        if (p > source.size()) {
            throw new EOFException("gzip header at offset " + at + " is cut off");
        }
        return p;
    }

    private static byte[] read(ByteSource source, long at, int length) throws IOException {
        if (at + length > source.size()) {
            throw new EOFException("gzip header at offset " + at + " is cut off");
        }
        return source.readFully(at, length);
    }

    /** Past the zero byte that ends a name or comment field. */
    private static long pastZero(ByteSource source, long from) throws IOException {
        byte[] block = new byte[4096];
        for (long p = from; p < source.size(); ) {
            int n = source.read(p, block, 0, (int) Math.min(block.length, source.size() - p));
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (block[i] == 0) {
                    return p + i + 1;
                }
            }
            p += n;
        }
        throw new EOFException("gzip header field starting at offset " + from + " is not terminated");
    }
}
