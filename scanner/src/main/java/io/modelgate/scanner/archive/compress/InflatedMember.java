package io.modelgate.scanner.archive.compress;

import io.modelgate.scanner.io.ByteSource;

import java.io.EOFException;
import java.io.IOException;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * One gzip member or zlib stream, inflated from the source without reading past its end. Every byte
 * inflated is returned before a problem is raised: a missing or wrong trailer fails only the read after
 * the data, as Python's readers hand out the data before raising.
 */
final class InflatedMember extends Member {

    private static final int INPUT_BLOCK = 64 * 1024;

    private final ByteSource source;
    private final Inflater inflater;
    private final boolean gzip;
    private final CRC32 crc = new CRC32();
    private final byte[] input = new byte[INPUT_BLOCK];
    private long inputEnd;
    private long produced;
    private long end = -1;
    private boolean closed;

    private InflatedMember(ByteSource source, long dataStart, boolean gzip) {
        this.source = source;
        this.gzip = gzip;
        this.inflater = new Inflater(gzip);
        this.inputEnd = dataStart;
    }

    static InflatedMember gzip(ByteSource source, long at) throws IOException {
        return new InflatedMember(source, GzipHeader.dataStart(source, at), true);
    }

    static InflatedMember zlib(ByteSource source, long at) {
        return new InflatedMember(source, at, false);
    }

    @Override
    long end() {
        return end;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (end >= 0) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        while (true) {
            if (inflater.finished()) {
                finish();
                return -1;
            }
            if (inflater.needsInput()) {
                feed();
            }
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw new IOException("invalid deflate data: " + e.getMessage());
            }
            if (n > 0) {
                crc.update(b, off, n);
                produced += n;
                return n;
            }
            if (inflater.needsDictionary()) {
                throw new IOException("the zlib stream needs a preset dictionary");
            }
        }
    }

    private void feed() throws IOException {
        int n = (int) Math.min(input.length, source.size() - inputEnd);
        if (n <= 0) {
            throw new EOFException("compressed data ends before the end of the deflate stream");
        }
        int read = source.read(inputEnd, input, 0, n);
        if (read <= 0) {
            throw new EOFException("compressed data ends before the end of the deflate stream");
        }
        inputEnd += read;
        inflater.setInput(input, 0, read);
    }

    /** Where the deflate data ended; for gzip, the trailer's CRC-32 and length must match, as CPython checks. */
    private void finish() throws IOException {
        long dataEnd = inputEnd - inflater.getRemaining();
        if (!gzip) {
            end = dataEnd;
            return;
        }
        if (dataEnd + 8 > source.size()) {
            throw new EOFException("the gzip member ends without its 8-byte trailer (CRC and length)");
        }
        byte[] trailer = source.readFully(dataEnd, 8);
        long storedCrc = littleEndian32(trailer, 0);
        long storedSize = littleEndian32(trailer, 4);
        if (storedCrc != crc.getValue()) {
            throw new IOException("gzip CRC check failed");
        }
        if (storedSize != (produced & 0xffffffffL)) {
            throw new IOException("gzip length check failed: the trailer says " + storedSize + " bytes, "
                    + produced + " were decoded");
        }
        end = dataEnd + 8;
    }

    private static long littleEndian32(byte[] b, int at) {
        return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            inflater.end();
        }
    }
}
