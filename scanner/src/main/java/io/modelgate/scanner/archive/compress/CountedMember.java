package io.modelgate.scanner.archive.compress;

import io.modelgate.scanner.io.ByteSource;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A member decoded by a library decoder that reads its input exactly (bzip2, xz and lzma decoders read
 * byte by byte or by the lengths the format declares), so the bytes it consumed locate the member's end.
 */
final class CountedMember extends Member {

    /** Opens a decoder over compressed bytes; it must read no further than its member. */
    interface Opener {
        InputStream open(InputStream compressed) throws IOException;
    }

    private final long start;
    private final Counting counting;
    private final InputStream decoder;
    private boolean ended;

    CountedMember(ByteSource source, long start, Opener opener) throws IOException {
        this.start = start;
        this.counting = new Counting(source.slice(start, source.size() - start).open());
        InputStream opened;
        try {
            opened = opener.open(counting);
        } catch (IOException | RuntimeException e) {
            counting.close();
            throw e;
        }
        this.decoder = opened;
    }

    @Override
    long end() {
        return ended ? start + counting.count : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (ended) {
            return -1;
        }
        int n = decoder.read(b, off, len);
        if (n < 0) {
            ended = true;
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        try {
            decoder.close();
        } finally {
            counting.close();
        }
    }

    private static final class Counting extends FilterInputStream {

        private long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(n);
            count += Math.max(skipped, 0);
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
