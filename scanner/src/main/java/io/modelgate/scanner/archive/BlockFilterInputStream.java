package io.modelgate.scanner.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A filter whose single-byte read goes through the block read, so subclasses police one method only. */
abstract class BlockFilterInputStream extends FilterInputStream {

    protected BlockFilterInputStream(InputStream in) {
        super(in);
    }

    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        int n;
        do {
            n = read(one, 0, 1);
        } while (n == 0);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public abstract int read(byte[] b, int off, int len) throws IOException;
}
