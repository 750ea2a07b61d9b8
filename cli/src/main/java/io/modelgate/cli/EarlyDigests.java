package io.modelgate.cli;

import io.modelgate.scanner.digest.DigestPrefetch;

import java.nio.file.Path;
import java.util.List;

/**
 * Starts hashing the large files named on a {@code scan} command line from the first lines of {@code main}, as soon
 * as {@link QuickScanParser} has read it: on a model of gigabytes the digest is most of the scan, and the knowledge
 * base and the policy take a while to get ready. The scan takes a digest only for a file it analyses and only if
 * the file is unchanged ({@link DigestPrefetch#take}).
 */
final class EarlyDigests {

    private static volatile DigestPrefetch started;

    private EarlyDigests() {
    }

    /** Starts hashing the large files {@code scan} names; true when a file is being hashed. */
    static boolean start(ScanCommand scan) {
        int threads = scan.run.threads != null ? scan.run.threads : Runtime.getRuntime().availableProcessors();
        if (threads < 1 || threads > 256) {
            return false; // the scan reports it
        }
        started = DigestPrefetch.start(scan.paths, scan.run.maxFileSize, threads);
        return !started.isEmpty();
    }

    /** What {@link #start} began, handed over once; otherwise a prefetch started now from the parsed options. */
    static DigestPrefetch takeOr(List<Path> paths, long maxFileSize, int threads) {
        DigestPrefetch early = started;
        started = null;
        return early != null ? early : DigestPrefetch.start(paths, maxFileSize, threads);
    }
}
