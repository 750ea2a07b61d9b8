package io.modelgate.scanner.archive.compress;

import java.io.InputStream;

/**
 * The decoded bytes of one member of a compressed file (one gzip member, one bzip2 or xz stream). Once
 * {@code read} has returned -1, {@link #end()} is the offset just past the member in the compressed file,
 * where a following member or trailing data starts.
 */
abstract class Member extends InputStream {

    abstract long end();

    @Override
    public int read() throws java.io.IOException {
        byte[] one = new byte[1];
        int n;
        do {
            n = read(one, 0, 1);
        } while (n == 0);
        return n < 0 ? -1 : one[0] & 0xff;
    }
}
