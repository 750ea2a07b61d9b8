package io.modelgate.cli;

import io.modelgate.assessment.AssessmentBuilder;
import io.modelgate.assessment.ScanAssessment;
import io.modelgate.cli.progress.ProgressDisplay;
import io.modelgate.cli.progress.ProgressOptions;
import io.modelgate.provenance.kb.KnowledgeBase;
import io.modelgate.rules.policy.Decision;
import io.modelgate.rules.policy.Policy;
import io.modelgate.rules.policy.PolicyEngine;
import io.modelgate.scanner.Limits;
import io.modelgate.scanner.Scanner;
import io.modelgate.scanner.VerificationOptions;
import io.modelgate.scanner.cache.ResultCache;
import io.modelgate.scanner.digest.DigestPrefetch;
import io.modelgate.scanner.digest.Sha256;
import io.modelgate.scanner.model.ScanReport;
import io.modelgate.verification.VerificationChecks;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * What {@code scan} and {@code sbom} share: the limits, verification material, knowledge base and policy
 * options, and the pipeline they drive (scan, assess, decide). One place, so both commands decide alike.
 */
public final class ScanRun {

    @Mixin
    PolicyOptions policyOptions;

    // Defaults as picocli reads them, also given by QuickScanParser.
    static final String DEFAULT_MAX_DEPTH = "8";
    static final String DEFAULT_TIMEOUT = "10m";
    static final String DEFAULT_MAX_FILE_SIZE = "256G";
    static final String DEFAULT_MAX_TEMP_SIZE = "8G";
    static final String DEFAULT_CACHE_MAX_SIZE = "1G";

    @Option(names = "--max-depth", paramLabel = "N", defaultValue = DEFAULT_MAX_DEPTH,
            description = "Deepest archive nesting opened (default: ${DEFAULT-VALUE}).")
    int maxDepth;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = DEFAULT_TIMEOUT,
            converter = DurationConverter.class,
            description = "Time limit per file, e.g. 90s, 10m (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--max-file-size", paramLabel = "SIZE", defaultValue = DEFAULT_MAX_FILE_SIZE,
            converter = SizeConverter.class,
            description = "Largest file analysed, e.g. 500M, 64G (default: ${DEFAULT-VALUE}); larger files are "
                    + "reported incomplete without being read.")
    long maxFileSize;

    @Option(names = "--max-temp-size", paramLabel = "SIZE", defaultValue = DEFAULT_MAX_TEMP_SIZE,
            converter = SizeConverter.class,
            description = "Temporary disk one scan may use for expanded archive members (default: "
                    + "${DEFAULT-VALUE}, at most half the free space); a member that needs more is reported "
                    + "incomplete.")
    long maxTempSize;

    @Option(names = "--threads", paramLabel = "N",
            description = "Files analysed in parallel (default: number of processors).")
    Integer threads;

    @Mixin
    VerificationMixin verification;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Keep per-file results in DIR and reuse them for files whose content (SHA-256, always "
                    + "recomputed), path, ModelGate build, rules and limits are unchanged. The policy, folder checks "
                    + "and assessment run every time. DIR must be trusted like the tool itself.")
    Path cacheDir;

    @Option(names = "--cache-max-size", paramLabel = "SIZE", defaultValue = DEFAULT_CACHE_MAX_SIZE,
            converter = SizeConverter.class,
            description = "Largest size of the --cache folder (default: ${DEFAULT-VALUE}); the least recently used "
                    + "entries go first.")
    long cacheMaxSize;

    @Option(names = "--kb", paramLabel = "FILE",
            description = "Knowledge-base file (YAML) with families and licenses to add to or override the built-in "
                    + "ones; may be repeated (see `modelgate families`).")
    List<Path> kbFiles = List.of();

    /** The outcome of one run: the assessment and the policy's decision on it. */
    public record Result(ScanAssessment assessment, Decision decision) {
    }

    /** Scans, assesses and decides; progress goes to {@code err}. A bad option value is a {@link UsageException}. */
    Result run(List<Path> paths, ProgressOptions progress, PrintWriter err) throws IOException {
        if (maxDepth < 0 || maxDepth > 64) {
            throw new UsageException("--max-depth must be between 0 and 64");
        }
        if (threads != null && (threads < 1 || threads > 256)) {
            throw new UsageException("--threads must be between 1 and 256");
        }
        for (Path path : paths) {
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                throw new UsageException("no such file or folder: " + path);
            }
        }
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        // Large files named on the command line are hashed while the knowledge base and the policy load (started
        // from main when its quick reading of the arguments could).
        DigestPrefetch digests = EarlyDigests.takeOr(paths, maxFileSize, workers);
        Limits limits = Limits.defaults().withMaxDepth(maxDepth).withTimeout(timeout).withMaxFileBytes(maxFileSize)
                .withMaxTempBytes(maxTempSize);
        ResultCache cache = openCache(limits);
        // The files are scanned while this thread loads the knowledge base and the policy and sets up the
        // assessment: only the folder checks, which run last, need what the policy says about signatures and locks.
        // A bad policy is still reported at once; the scan it leaves behind stops at its folder checks.
        CompletableFuture<VerificationOptions> options = new CompletableFuture<>();
        ScanReport scanned;
        Policy policy;
        AssessmentBuilder assessor;
        try (ProgressDisplay shown = progress.display(err)) {
            Scanner scanner = VerificationChecks.scanner(limits, workers, Clock.systemUTC(), options::join)
                    .withProgress(shown).withCache(cache).withDigests(digests);
            // Not while large files are hashed ahead: the scan waits for their digests anyway, and on a small
            // machine a third busy thread only slows the hashing down (as for the start-up preload).
            BackgroundScan scan = digests.isEmpty() ? BackgroundScan.start(scanner, paths) : null;
            Supplier<KnowledgeBase> knowledge = KnowledgeBases.once(kbFiles);
            try {
                // the platform's digest is set up here while the knowledge base loads, not in the scan's first file
                Sha256.warmUp();
                // a policy that names no license, publisher or family is read while the knowledge base loads
                policy = policyOptions.policy(knowledge);
                options.complete(verification.options(policy));
            } catch (RuntimeException | Error e) {
                options.completeExceptionally(e);
                throw e;
            }
            KnowledgeBase kb = knowledge.get();
            assessor = new AssessmentBuilder(kb);
            scanned = scan != null ? scan.report() : scanner.scan(paths);
        }
        ScanAssessment assessment = assessor.build(scanned);
        Decision decision = new PolicyEngine().decide(assessment, PolicyOptions.withVerification(policy, verification),
                Clock.systemUTC());
        return new Result(assessment, decision);
    }

    private ResultCache openCache(Limits limits) {
        if (cacheDir == null) {
            return null;
        }
        if (cacheMaxSize <= 0) {
            throw new UsageException("--cache-max-size must be positive");
        }
        try {
            return ResultCache.open(cacheDir, cacheMaxSize, limits);
        } catch (IOException e) {
            throw new UsageException("cannot use cache folder " + cacheDir + ": "
                    + e.getMessage());
        }
    }

    int exitCode(Decision decision) {
        return DecisionExit.code(decision, policyOptions.reviewExitCode());
    }
}
