package io.modelgate.scanner;

import io.modelgate.scanner.analysis.AnalysisEngine;
import io.modelgate.scanner.analysis.CoreRules;
import io.modelgate.scanner.analysis.Deadline;
import io.modelgate.scanner.analysis.Failures;
import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.analysis.TimeoutExceededException;
import io.modelgate.scanner.concurrent.DaemonPools;
import io.modelgate.scanner.detect.ContentDetector;
import io.modelgate.scanner.cache.ResultCache;
import io.modelgate.scanner.digest.DigestPrefetch;
import io.modelgate.scanner.digest.Sha256;
import io.modelgate.scanner.folder.FolderAnalyzer;
import io.modelgate.scanner.io.ArrayByteSource;
import io.modelgate.scanner.io.FileByteSource;
import io.modelgate.scanner.io.ScanBudgets;
import io.modelgate.scanner.model.ArtifactPath;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.FileStatus;
import io.modelgate.scanner.model.FolderResult;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Location;
import io.modelgate.scanner.model.ScanReport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The scanner facade: walk the roots, then for each file detect, analyse (recursively) and digest,
 * in parallel across files. Produces facts and findings only; policy is applied elsewhere.
 */
public final class Scanner {

    private final Limits limits;
    private final int threads;
    private final Clock clock;
    /** Asked for only when the folder checks run, after every file is scanned. */
    private final Supplier<VerificationOptions> options;
    private final List<FolderAnalyzer> folderChecks;
    private final Function<ScanBudgets, AnalysisEngine> engines;
    private volatile ScanProgress progress = ScanProgress.NONE;
    private volatile ResultCache cache;
    /** Files up to this size are read into memory once; larger ones are read where the analysis needs it. */
    static final int SMALL_FILE_BYTES = 64 * 1024;
    /**
     * Files submitted ahead per thread: few enough to hold, enough that no thread waits for the next file while
     * the submitting thread waits for its turn on a busy machine (4 cost 8% of the time of 20,000 small pickles).
     */
    private static final int IN_FLIGHT_PER_THREAD = 64;

    private volatile DigestPrefetch prefetch = DigestPrefetch.empty();

    public Scanner(Limits limits, int threads, Clock clock) {
        this(limits, threads, clock, VerificationOptions.none(), List.of());
    }

    /**
     * @param extraFolderChecks folder checks of other modules (integrity, signatures), run after the
     *                          scanner's own
     */
    public Scanner(Limits limits, int threads, Clock clock, VerificationOptions options,
                   List<FolderAnalyzer> extraFolderChecks) {
        this(limits, threads, clock, () -> options, extraFolderChecks);
    }

    /**
     * @param options           asked for only when the folder checks need them, after every file is scanned, so
     *                          that a caller can load what they depend on (its policy) while the files are scanned
     * @param extraFolderChecks folder checks of other modules (integrity, signatures), run after the
     *                          scanner's own
     */
    public Scanner(Limits limits, int threads, Clock clock, Supplier<VerificationOptions> options,
                   List<FolderAnalyzer> extraFolderChecks) {
        this(limits, threads, clock, options, extraFolderChecks, budgets -> new AnalysisEngine(
                new ContentDetector(FormatRegistry.detectors()), FormatRegistry.analyzers(), limits, budgets));
    }

    /** @param engines makes the engine of one scan, around the budgets all its files share */
    Scanner(Limits limits, int threads, Clock clock, Supplier<VerificationOptions> options,
            List<FolderAnalyzer> extraFolderChecks, Function<ScanBudgets, AnalysisEngine> engines) {
        this.limits = limits;
        this.threads = Math.max(1, threads);
        this.clock = clock;
        this.options = options;
        List<FolderAnalyzer> checks = new ArrayList<>(FormatRegistry.folderAnalyzers());
        checks.addAll(extraFolderChecks);
        this.folderChecks = List.copyOf(checks);
        this.engines = engines;
    }

    public static Scanner withDefaults() {
        return new Scanner(Limits.defaults(), Runtime.getRuntime().availableProcessors(), Clock.systemUTC());
    }

    /** Reports how the scans of this scanner advance (e.g. to a progress line); returns this scanner. */
    public Scanner withProgress(ScanProgress listener) {
        this.progress = listener == null ? ScanProgress.NONE : listener;
        return this;
    }

    /**
     * Keeps complete per-file results in {@code cache} and takes a file's result from it when its content
     * (SHA-256, always recomputed), path and the scan's settings match; returns this scanner.
     */
    public Scanner withCache(ResultCache resultCache) {
        this.cache = resultCache;
        return this;
    }

    /** Takes the digests of files whose hashing was started ahead of the scan from {@code digests}. */
    public Scanner withDigests(DigestPrefetch digests) {
        this.prefetch = digests == null ? DigestPrefetch.empty() : digests;
        return this;
    }

    public ScanReport scan(List<Path> roots) throws IOException {
        Instant start = clock.instant();
        long t0 = System.nanoTime();
        List<FileTarget> targets = new FileWalker().walk(roots);
        progress.started(targets.size(), progress.listening()
                ? targets.stream().mapToLong(t -> ScanProgress.sizeOf(t.file())).sum() : 0);
        List<FileResult> results;
        try (ScanBudgets budgets = limits.newBudgets()) {
            results = scanAll(targets, engines.apply(budgets));
        }
        if (cache != null) {
            cache.trim();
        }
        List<FolderResult> folders = new FolderPass(folderChecks, limits, options.get(), clock)
                .run(roots, targets, results);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        return new ScanReport(ToolInfo.version(), start, millis, roots.stream().map(Path::toString).toList(), results,
                folders);
    }

    private FileResult tracked(FileTarget target, AnalysisEngine engine) {
        if (!progress.listening()) {
            return scanFile(target, engine);
        }
        long size = ScanProgress.sizeOf(target.file());
        progress.fileStarted(target.displayPath(), size);
        try {
            return scanFile(target, engine);
        } finally {
            progress.fileDone(target.displayPath(), size);
        }
    }

    /**
     * Scans the files in parallel, a few per thread in flight at a time (a queue of every file of a large tree
     * would only hold memory). A file that ran out of memory while others shared the heap is scanned again at
     * the end, alone, so that the number of threads never turns a benign file into an error.
     */
    private List<FileResult> scanAll(List<FileTarget> targets, AnalysisEngine engine) {
        List<FileResult> results = new ArrayList<>(targets.size());
        List<Integer> outOfMemory = new ArrayList<>();
        ExecutorService pool = DaemonPools.fixed(threads, "modelgate-scan");
        int window = threads * IN_FLIGHT_PER_THREAD;
        try {
            Deque<Future<FileResult>> inFlight = new ArrayDeque<>(window);
            int submitted = 0;
            for (int i = 0; i < targets.size(); i++) {
                for (; submitted < targets.size() && submitted < i + window; submitted++) {
                    FileTarget target = targets.get(submitted);
                    inFlight.add(pool.submit(() -> tracked(target, engine)));
                }
                Optional<FileResult> result = await(inFlight.remove(), targets.get(i));
                if (result.isEmpty()) {
                    outOfMemory.add(i);
                }
                results.add(result.orElse(null));
            }
            for (int i : outOfMemory) {
                FileTarget target = targets.get(i);
                results.set(i, await(pool.submit(() -> scanFile(target, engine)), target)
                        .orElseGet(() -> failed(target, Failures.OUT_OF_MEMORY)));
            }
        } finally {
            pool.shutdownNow();
        }
        return results;
    }

    /**
     * Waits for one file; a file that ignores its deadline is abandoned and reported as timed out. Empty when
     * the analysis ran out of memory.
     */
    private Optional<FileResult> await(Future<FileResult> future, FileTarget target) {
        long graceMillis = limits.timeout().toMillis() + 5_000;
        try {
            return Optional.of(future.get(graceMillis, TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            future.cancel(true);
            FileCollector collector = new FileCollector();
            timedOut(collector, target, "analysis did not stop at the time limit");
            return Optional.of(result(target, collector, -1, null, false));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scan interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OutOfMemoryError) {
                return Optional.empty();
            }
            return Optional.of(failed(target, Failures.describe(e.getCause())));
        }
    }

    private static FileResult failed(FileTarget target, String why) {
        FileCollector collector = new FileCollector();
        String reason = "analysis failed: " + why;
        collector.incomplete(reason);
        collector.add(Finding.of(CoreRules.INCOMPLETE, Location.of(ArtifactPath.of(target.displayPath())), null,
                reason));
        return result(target, collector, -1, null, false);
    }

    /** Scans one file on disk (also usable directly, e.g. by tests). */
    public FileResult scanFile(Path file) {
        try (ScanBudgets budgets = limits.newBudgets()) {
            return scanFile(new FileTarget(file, file.toString().replace('\\', '/'), List.of(), false),
                    engines.apply(budgets));
        }
    }

    FileResult scanFile(FileTarget target, AnalysisEngine engine) {
        FileCollector collector = new FileCollector();
        target.walkFindings().forEach(collector::add);
        target.walkFindings().stream().filter(f -> f.rule() == CoreRules.INCOMPLETE)
                .forEach(f -> collector.incomplete(f.message()));
        if (target.file() == null) {
            return result(target, collector, -1, null, false);
        }
        ArtifactPath path = ArtifactPath.of(target.displayPath());
        long size;
        try {
            // one stat for both questions: what the file is, and its size
            BasicFileAttributes attributes = Files.readAttributes(target.file(), BasicFileAttributes.class);
            Optional<String> special = SpecialFiles.kind(target.file(), attributes);
            if (special.isPresent()) {
                collector.add(Finding.of(CoreRules.UNREADABLE, Location.of(path), null, "'" + target.displayPath()
                        + "' is " + special.get() + ", not a regular file: it was not opened, its content is unknown"));
                return result(target, collector, -1, null, true);
            }
            size = attributes.size();
        } catch (IOException e) {
            return unreadable(target, collector, -1, null, e);
        }
        if (size > limits.maxFileBytes()) {
            // checked before hashing: a file too large to analyse is not read at all
            String reason = "file of " + size + " bytes is larger than the limit of " + limits.maxFileBytes()
                    + " bytes; it was not read";
            collector.add(Finding.of(CoreRules.LIMIT_REACHED, Location.of(path), null, reason));
            collector.incomplete(reason);
            return result(target, collector, size, null, false);
        }
        ResultCache resultCache = target.walkFindings().isEmpty() ? cache : null;
        // A file hashed ahead (a large one named on the command line) is analysed while its digest completes,
        // unless the digest is needed first as the result cache's key.
        boolean digestAfter = resultCache == null && prefetch.has(target.file());
        String sha256 = null;
        byte[] whole = null;
        if (!digestAfter) {
            try {
                Optional<String> ahead = prefetch.take(target.file());
                if (ahead.isEmpty() && size <= SMALL_FILE_BYTES) {
                    whole = readSmall(target.file(), size);
                }
                sha256 = ahead.isPresent() ? ahead.get() : whole != null ? Sha256.ofBytes(whole)
                        : Sha256.ofFile(target.file());
            } catch (IOException e) {
                return unreadable(target, collector, size, null, e);
            }
        }
        if (resultCache != null) {
            Optional<FileResult> cached = resultCache.get(target.displayPath(), sha256, size);
            if (cached.isPresent()) {
                return cached.get();
            }
        }
        Deadline deadline = Deadline.after(limits.timeout());
        try {
            if (whole != null) {
                engine.dispatchFile(target.file(), path, new ArrayByteSource(whole), collector, deadline);
            } else {
                try (FileByteSource source = FileByteSource.open(target.file())) {
                    engine.dispatchFile(target.file(), path, source, collector, deadline);
                }
            }
        } catch (TimeoutExceededException e) {
            timedOut(collector, target, e.getMessage());
        } catch (IOException e) {
            return unreadable(target, collector, size, sha256, e);
        }
        if (digestAfter) {
            try {
                Optional<String> ahead = prefetch.take(target.file());
                sha256 = ahead.isPresent() ? ahead.get() : Sha256.ofFile(target.file());
            } catch (IOException e) {
                return unreadable(target, collector, size, null, e);
            }
        }
        FileResult result = result(target, collector, size, sha256, false);
        if (resultCache != null) {
            resultCache.put(result);
        }
        return result;
    }

    /**
     * A small file's bytes, read once for its digest and its analysis (most files of a package or a folder of
     * pickles are small, and opening each three times showed in the profile) into an array of the size it had
     * ({@code size}, at most {@link #SMALL_FILE_BYTES}); null when it has grown since, to be read as a stream like
     * a large file. The digest is then over exactly the bytes analysed.
     */
    private static byte[] readSmall(Path file, long size) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = new byte[(int) size];
            int read = in.readNBytes(bytes, 0, bytes.length);
            if (read < bytes.length) {
                return Arrays.copyOf(bytes, read); // shrunk since its size was taken
            }
            return in.read() < 0 ? bytes : null;
        }
    }

    private static FileResult unreadable(FileTarget target, FileCollector collector, long size, String sha256,
                                         IOException e) {
        collector.add(Finding.of(CoreRules.UNREADABLE, Location.of(ArtifactPath.of(target.displayPath())), null,
                "cannot read: " + Failures.describe(e)));
        return result(target, collector, size, sha256, true);
    }

    private static void timedOut(FileCollector collector, FileTarget target, String reason) {
        collector.add(Finding.of(CoreRules.TIMEOUT, Location.of(ArtifactPath.of(target.displayPath())), null, reason));
        collector.incomplete(reason);
    }

    private static FileResult result(FileTarget target, FileCollector collector, long size, String sha256,
                                     boolean error) {
        List<Finding> findings = new ArrayList<>(collector.findings());
        findings.sort(Finding.REPORT_ORDER);
        FileStatus status = FileStatus.decide(error, !collector.incompleteReasons().isEmpty(), findings,
                collector.wasAnalysed());
        return new FileResult(target.displayPath(), collector.format().id(), collector.innerFormats(),
                Math.max(size, 0), sha256, status, findings, collector.incompleteReasons(), collector.facts());
    }
}
