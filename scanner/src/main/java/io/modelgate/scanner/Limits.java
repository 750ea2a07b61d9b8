package io.modelgate.scanner;

import java.time.Duration;

/**
 * Bounds applied to hostile input. Reaching one stops that part of the analysis and marks the file
 * incomplete (fail closed); it never exhausts memory.
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
        Duration timeout) {

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

    public Limits withMaxDepth(int depth) {
        return new Limits(maxFileBytes, depth, maxEntries, maxExpandedBytes, maxCompressionRatio, maxPickleOps,
                maxPickleStack, maxStringBytes, spoolMemoryBytes, timeout);
    }

    public Limits withTimeout(Duration t) {
        return new Limits(maxFileBytes, maxDepth, maxEntries, maxExpandedBytes, maxCompressionRatio, maxPickleOps,
                maxPickleStack, maxStringBytes, spoolMemoryBytes, t);
    }

    public Limits withMaxFileBytes(long bytes) {
        return new Limits(bytes, maxDepth, maxEntries, maxExpandedBytes, maxCompressionRatio, maxPickleOps,
                maxPickleStack, maxStringBytes, spoolMemoryBytes, timeout);
    }
}
