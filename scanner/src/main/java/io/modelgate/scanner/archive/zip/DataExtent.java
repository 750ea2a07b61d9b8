package io.modelgate.scanner.archive.zip;

import io.modelgate.scanner.analysis.Deadline;
import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * How many bytes of data follow a local header when no central directory says so: the header's own
 * size, else where a raw deflate stream ends, else a data descriptor whose recorded size matches the
 * distance. Work is bounded by the source size, an output cap and the deadline.
 */
final class DataExtent {

    private static final int CHUNK = 64 * 1024;
    private static final int DEFLATED = 8;
    private static final int DESCRIPTOR_TAIL = 12;

    private final ByteSource source;
    private final long maxOutput;
    private final Deadline deadline;

    DataExtent(ByteSource source, long maxOutput, Deadline deadline) {
        this.source = source;
        this.maxOutput = maxOutput;
        this.deadline = deadline;
    }

    /**
     * Compressed length of the header's data as declared (it may run past the end of a truncated source), or
     * -1 when it cannot be told.
     */
    long of(LocalHeader header) throws IOException {
        if (!header.sizesDeferred()) {
            return header.compressedSize();
        }
        if (header.method() == DEFLATED) {
            return deflateEnd(header.dataOffset());
        }
        return descriptorDistance(header.dataOffset());
    }

    /** Bytes after the data taken by a data descriptor (signature optional, 32- or 64-bit sizes). */
    long descriptorLength(LocalHeader header, long dataEnd) throws IOException {
        if ((header.flags() & LocalHeader.DATA_DESCRIPTOR_FLAG) == 0) {
            return 0;
        }
        boolean zip64 = header.compressedSize() > 0xFFFFFFFFL || header.size() > 0xFFFFFFFFL;
        long length = zip64 ? DESCRIPTOR_TAIL + 8 : DESCRIPTOR_TAIL;
        if (dataEnd <= source.size() - 4 && LittleEndian.signatureAt(source.readFully(dataEnd, 4), 0, 7, 8)) {
            length += 4;
        }
        return length;
    }

    private long deflateEnd(long start) throws IOException {
        Inflater inflater = new Inflater(true);
        try {
            byte[] in = new byte[CHUNK];
            byte[] out = new byte[CHUNK];
            long fed = start;
            long produced = 0;
            while (!inflater.finished()) {
                deadline.check();
                if (inflater.needsInput()) {
                    int n = source.read(fed, in, 0, in.length);
                    if (n <= 0) {
                        return -1;
                    }
                    fed += n;
                    inflater.setInput(in, 0, n);
                }
                produced += inflater.inflate(out);
                if (produced > maxOutput || inflater.needsDictionary()) {
                    return -1;
                }
            }
            return inflater.getBytesRead();
        } catch (DataFormatException e) {
            return -1;
        } finally {
            inflater.end();
        }
    }

    /** Stored data with a deferred size: the first descriptor signature whose size field matches. */
    private long descriptorDistance(long start) throws IOException {
        long pos = start;
        byte[] window = new byte[CHUNK + 16];
        while (pos < source.size()) {
            deadline.check();
            int n = source.read(pos, window, 0, window.length);
            if (n < 16) {
                return -1;
            }
            for (int i = 0; i + 16 <= n; i++) {
                if (LittleEndian.signatureAt(window, i, 7, 8) && LittleEndian.u32(window, i + 8) == pos + i - start) {
                    return pos + i - start;
                }
            }
            pos += n - 15;
        }
        return -1;
    }
}
