package io.modelgate.scanner;

import io.modelgate.scanner.io.ScanBudgets;

import java.time.Duration;

/**
 * Bounds applied to hostile input. Reaching one stops that part of the analysis and marks the file
 * incomplete (fail closed); it never exhausts memory or disk. {@code docs/limits.md} lists them all.
 *
 * @param maxFileBytes        largest file (or archive entry) analysed
 * @param maxDepth            deepest container nesting followed
 * @param maxEntries          most entries read from one archive
 * @param maxExpandedBytes    most bytes expanded from one archive or compressed stream in total
 * @param maxCompressionRatio largest expanded/compressed ratio accepted for an entry
 * @param maxPickleOps        most pickle opcodes interpreted per stream
 * @param maxPickleStack      deepest pickle stack / memo size modelled
 * @param maxStringBytes      longest string or byte constant kept in memory
 * @param spoolMemoryBytes    entries larger than this are spooled to a temporary file
 * @param timeout             wall-clock limit per top-level file
 * @param maxTempBytes        temporary disk one scan may occupy at once, all files and threads together
 * @param spoolHeapBytes      heap all threads together may hold in spooled entries; past it, entries go to disk
 * @param parseHeapBytes      heap all threads together may hold in whole-document parses (JSON trees); a parse
 *                            that needs more waits for the others
 */
public record Limits(
        long maxFileBytes,
        int maxDepth,
        int maxEntries,
        long maxExpandedBytes,
        long maxCompressionRatio,
        long maxPickleOps,
        int maxPickleStack,
        int maxStringBytes,
        long spoolMemoryBytes,
        Duration timeout,
        long maxTempBytes,
        long spoolHeapBytes,
        long parseHeapBytes) {

    /** Default temporary disk per scan; also capped at half the free space of the temporary folder. */
    public static final long DEFAULT_MAX_TEMP_BYTES = 8L * 1024 * 1024 * 1024;

    /** The limits without the scan-wide budgets, which take their defaults. */
    public Limits(long maxFileBytes, int maxDepth, int maxEntries, long maxExpandedBytes, long maxCompressionRatio,
                  long maxPickleOps, int maxPickleStack, int maxStringBytes, long spoolMemoryBytes, Duration timeout) {
        this(maxFileBytes, maxDepth, maxEntries, maxExpandedBytes, maxCompressionRatio, maxPickleOps, maxPickleStack,
                maxStringBytes, spoolMemoryBytes, timeout, DEFAULT_MAX_TEMP_BYTES, Runtime.getRuntime().maxMemory() / 4,
                Runtime.getRuntime().maxMemory() / 2);
    }

    public static Limits defaults() {
        return new Limits(
                256L * 1024 * 1024 * 1024,
                8,
                100_000,
                32L * 1024 * 1024 * 1024,
                200,
                50_000_000,
                1_000_000,
                64 * 1024 * 1024,
                64L * 1024 * 1024,
                Duration.ofMinutes(10));
    }

    /**
     * Fresh budgets for one scan: all its files and threads share them. By default spooled entries may hold a
     * quarter of the largest heap and whole-document parses half of it; the rest is for everything else.
     */
    public ScanBudgets newBudgets() {
        return ScanBudgets.of(maxTempBytes, spoolHeapBytes, parseHeapBytes);
    }

    public Limits withMaxDepth(int depth) {
        return new Limits(maxFileBytes, depth, maxEntries, maxExpandedBytes, maxCompressionRatio, maxPickleOps,
                maxPickleStack, maxStringBytes, spoolMemoryBytes, timeout, maxTempBytes, spoolHeapBytes,
                parseHeapBytes);
    }

    public Limits withTimeout(Duration t) {
        return new Limits(maxFileBytes, maxDepth, maxEntries, maxExpandedBytes, maxCompressionRatio, maxPickleOps,
                maxPickleStack, maxStringBytes, spoolMemoryBytes, t, maxTempBytes, spoolHeapBytes, parseHeapBytes);
    }

    public Limits withMaxFileBytes(long bytes) {
        return new Limits(bytes, maxDepth, maxEntries, maxExpandedBytes, maxCompressionRatio, maxPickleOps,
                maxPickleStack, maxStringBytes, spoolMemoryBytes, timeout, maxTempBytes, spoolHeapBytes,
                parseHeapBytes);
    }

    public Limits withMaxTempBytes(long bytes) {
        return new Limits(maxFileBytes, maxDepth, maxEntries, maxExpandedBytes, maxCompressionRatio, maxPickleOps,
                maxPickleStack, maxStringBytes, spoolMemoryBytes, timeout, bytes, spoolHeapBytes, parseHeapBytes);
    }
}
