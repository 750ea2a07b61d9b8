package io.modelgate.scanner.archive;

import io.modelgate.scanner.analysis.Deadline;

import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes coming out of a decompressor and stops at the first limit crossed: the per-entry
 * ratio (judged only past a floor, small payloads cannot be bombs), the archive's remaining expansion
 * budget, or the largest analysable file. Checks the deadline as it goes.
 */
final class ExpansionGuardStream extends BlockFilterInputStream {

    /** Below this many expanded bytes the ratio is not judged: tiny, very compressible files are normal. */
    static final long RATIO_FLOOR = 1L << 20;

    private final long ratioLimit;
    private final long budget;
    private final long maxBytes;
    private final long compressedSize;
    private final long maxRatio;
    private final Deadline deadline;
    private long count;

    /**
     * @param compressedSize bytes the payload occupies compressed, or -1 when unknown
     * @param budget         bytes the archive may still expand
     * @param maxBytes       largest payload analysed
     */
    ExpansionGuardStream(InputStream in, long compressedSize, long maxRatio, long budget, long maxBytes,
                         Deadline deadline) {
        super(in);
        this.compressedSize = compressedSize;
        this.maxRatio = maxRatio;
        this.ratioLimit = compressedSize < 0 ? Long.MAX_VALUE
                : Math.max(RATIO_FLOOR, multiplyCapped(compressedSize, maxRatio));
        this.budget = budget;
        this.maxBytes = maxBytes;
        this.deadline = deadline;
    }

    long count() {
        return count;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        deadline.check();
        int n = in.read(b, off, len);
        if (n > 0) {
            count += n;
            enforce();
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] sink = new byte[(int) Math.min(8192, Math.max(0, n))];
        long done = 0;
        while (done < n) {
            int r = read(sink, 0, (int) Math.min(sink.length, n - done));
            if (r < 0) {
                break;
            }
            done += r;
        }
        return done;
    }

    private void enforce() throws ExpansionLimitException {
        if (count > ratioLimit) {
            throw new ExpansionLimitException(ArchiveRules.COMPRESSION_RATIO, "expands beyond " + maxRatio
                    + " times its compressed size of " + compressedSize + " bytes");
        }
        if (count > budget) {
            throw new ExpansionLimitException(ArchiveRules.EXPANDED_SIZE,
                    "archive expands beyond the total limit of expanded bytes");
        }
        if (count > maxBytes) {
            throw new ExpansionLimitException(ArchiveRules.EXPANDED_SIZE,
                    "expands beyond the largest analysable size of " + maxBytes + " bytes");
        }
    }

    private static long multiplyCapped(long a, long b) {
        return b != 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }
}
