package io.modelgate.scanner.io;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/** Bytes held in memory: small archive entries, decompressed payloads, embedded pickles. */
public final class ArrayByteSource implements ByteSource {

    private final byte[] bytes;

    public ArrayByteSource(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public InputStream open() {
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public int read(long position, byte[] buffer, int offset, int len) {
        if (position >= bytes.length) {
            return -1;
        }
        int n = (int) Math.min(len, bytes.length - position);
        System.arraycopy(bytes, (int) position, buffer, offset, n);
        return n;
    }
}
