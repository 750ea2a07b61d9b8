package io.modelgate.scanner;

import io.modelgate.scanner.analysis.AnalysisEngine;
import io.modelgate.scanner.analysis.CoreRules;
import io.modelgate.scanner.analysis.Deadline;
import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.analysis.TimeoutExceededException;
import io.modelgate.scanner.concurrent.DaemonPools;
import io.modelgate.scanner.digest.Sha256;
import io.modelgate.scanner.folder.FolderAnalyzer;
import io.modelgate.scanner.io.FileByteSource;
import io.modelgate.scanner.model.ArtifactPath;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.FileStatus;
import io.modelgate.scanner.model.FolderResult;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Location;
import io.modelgate.scanner.model.ScanReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The scanner facade: walk the roots, then for each file detect, analyse (recursively) and digest,
 * in parallel across files. Produces facts and findings only; policy is applied elsewhere.
 */
public final class Scanner {

    private final Limits limits;
    private final int threads;
    private final AnalysisEngine engine;
    private final Clock clock;
    private final VerificationOptions options;
    private final List<FolderAnalyzer> folderChecks;

    public Scanner(Limits limits, int threads, Clock clock) {
        this(limits, threads, clock, VerificationOptions.none(), List.of());
    }

    /**
     * @param extraFolderChecks folder checks of other modules (integrity, signatures), run after the
     *                          scanner's own
     */
    public Scanner(Limits limits, int threads, Clock clock, VerificationOptions options,
                   List<FolderAnalyzer> extraFolderChecks) {
        this.limits = limits;
        this.threads = Math.max(1, threads);
        this.clock = clock;
        this.options = options;
        this.engine = FormatRegistry.engine(limits);
        List<FolderAnalyzer> checks = new ArrayList<>(FormatRegistry.folderAnalyzers());
        checks.addAll(extraFolderChecks);
        this.folderChecks = List.copyOf(checks);
    }

    public static Scanner withDefaults() {
        return new Scanner(Limits.defaults(), Runtime.getRuntime().availableProcessors(), Clock.systemUTC());
    }

    public ScanReport scan(List<Path> roots) throws IOException {
        Instant start = clock.instant();
        long t0 = System.nanoTime();
        List<FileTarget> targets = new FileWalker().walk(roots);
        List<FileResult> results = new ArrayList<>(targets.size());
        ExecutorService pool = DaemonPools.fixed(threads, "modelgate-scan");
        try {
            List<Future<FileResult>> futures = new ArrayList<>();
            for (FileTarget target : targets) {
                futures.add(pool.submit(() -> scanFile(target)));
            }
            for (int i = 0; i < targets.size(); i++) {
                results.add(await(futures.get(i), targets.get(i)));
            }
        } finally {
            pool.shutdownNow();
        }
        List<FolderResult> folders = new FolderPass(folderChecks, limits, options, clock)
                .run(roots, targets, results);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        return new ScanReport(ToolInfo.version(), start, millis, roots.stream().map(Path::toString).toList(), results,
                folders);
    }

    /** Waits for one file; a file that ignores its deadline is abandoned and reported as timed out. */
    private FileResult await(Future<FileResult> future, FileTarget target) {
        long graceMillis = limits.timeout().toMillis() + 5_000;
        try {
            return future.get(graceMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            FileCollector collector = new FileCollector();
            timedOut(collector, target, "analysis did not stop at the time limit");
            return result(target, collector, -1, null, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scan interrupted", e);
        } catch (ExecutionException e) {
            FileCollector collector = new FileCollector();
            collector.incomplete("internal error: " + e.getCause());
            collector.add(Finding.of(CoreRules.INCOMPLETE, Location.of(ArtifactPath.of(target.displayPath())), null,
                    "internal error while analysing: " + e.getCause()));
            return result(target, collector, -1, null, false);
        }
    }

    /** Scans one file on disk (also usable directly, e.g. by tests). */
    public FileResult scanFile(Path file) {
        return scanFile(new FileTarget(file, file.toString().replace('\\', '/'), List.of(), false));
    }

    FileResult scanFile(FileTarget target) {
        FileCollector collector = new FileCollector();
        target.walkFindings().forEach(collector::add);
        if (target.file() == null) {
            return result(target, collector, -1, null, false);
        }
        ArtifactPath path = ArtifactPath.of(target.displayPath());
        long size;
        String sha256;
        try {
            size = Files.size(target.file());
            sha256 = Sha256.ofFile(target.file());
        } catch (IOException e) {
            collector.add(Finding.of(CoreRules.UNREADABLE, Location.of(path), null, "cannot read: " + e.getMessage()));
            return result(target, collector, -1, null, true);
        }
        if (size > limits.maxFileBytes()) {
            String reason = "file of " + size + " bytes is larger than the limit of " + limits.maxFileBytes();
            collector.add(Finding.of(CoreRules.LIMIT_REACHED, Location.of(path), null, reason));
            collector.incomplete(reason);
            return result(target, collector, size, sha256, false);
        }
        Deadline deadline = Deadline.after(limits.timeout());
        try (FileByteSource source = FileByteSource.open(target.file())) {
            engine.dispatchFile(target.file(), path, source, collector, deadline);
        } catch (TimeoutExceededException e) {
            timedOut(collector, target, e.getMessage());
        } catch (IOException e) {
            collector.add(Finding.of(CoreRules.UNREADABLE, Location.of(path), null, "cannot read: " + e.getMessage()));
            return result(target, collector, size, sha256, true);
        }
        return result(target, collector, size, sha256, false);
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
