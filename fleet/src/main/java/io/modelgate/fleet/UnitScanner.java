package io.modelgate.fleet;

import io.modelgate.scanner.digest.DigestPrefetch;
import io.modelgate.assessment.AssessmentBuilder;
import io.modelgate.assessment.ScanAssessment;
import io.modelgate.provenance.kb.KnowledgeBase;
import io.modelgate.provenance.kb.KnowledgeBaseLoader;
import io.modelgate.rules.policy.Decision;
import io.modelgate.rules.policy.Policy;
import io.modelgate.rules.policy.PolicyEngine;
import io.modelgate.rules.policy.SignaturePolicy;
import io.modelgate.rules.policy.load.PolicyException;
import io.modelgate.sbom.cyclonedx.CycloneDxBomBuilder;
import io.modelgate.sbom.cyclonedx.CycloneDxWriter;
import io.modelgate.scanner.Limits;
import io.modelgate.scanner.ToolInfo;
import io.modelgate.scanner.VerificationOptions;
import io.modelgate.scanner.model.ScanReport;
import io.modelgate.verification.VerificationChecks;
import org.apache.hadoop.conf.Configuration;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs on the executors: one unit in, one row out, whatever the unit holds. Stages the unit, hashes it, reuses a
 * cached result when the key matches, else scans, assesses and decides with the library exactly as
 * {@code modelgate scan} does, writes the unit's BOM and caches the result. Any failure, time-out or limit makes
 * the unit's row incomplete (and rejected); nothing a file holds can fail the task.
 */
public final class UnitScanner implements Serializable {

    private static final long serialVersionUID = 1L;

    private final FleetSettings settings;
    private final Map<String, String> hadoopConf;

    private transient volatile Prepared prepared;

    /** What each executor builds once: the parsed policy, knowledge base and file system configuration. */
    private record Prepared(KnowledgeBase kb, Policy policy, VerificationOptions verification, Configuration conf,
                            ExecutorService pool) {
    }

    public UnitScanner(FleetSettings settings, Map<String, String> hadoopConf) {
        this.settings = settings;
        this.hadoopConf = Map.copyOf(hadoopConf);
    }

    /** The row for one unit; never throws. */
    public UnitRow scan(UnitSpec unit) {
        long start = System.nanoTime();
        String tool = ToolInfo.version();
        String policyVersion = settings.policy().version();
        try {
            Prepared p = prepared();
            Future<UnitRow> work = p.pool().submit(() -> process(unit, p, start, tool, policyVersion));
            try {
                return work.get(settings.unitTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                work.cancel(true);
                return UnitRow.failed(unit, null, "timed out after " + Failures.duration(settings.unitTimeout()),
                        0, millisSince(start), tool, policyVersion);
            } catch (ExecutionException e) {
                return UnitRow.failed(unit, null, Failures.describe(e.getCause()), 0, millisSince(start), tool,
                        policyVersion);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UnitRow.failed(unit, null, "interrupted", 0, millisSince(start), tool, policyVersion);
        } catch (Throwable e) {
            return UnitRow.failed(unit, null, Failures.describe(e), 0, millisSince(start), tool, policyVersion);
        }
    }

    private UnitRow process(UnitSpec unit, Prepared p, long start, String tool, String policyVersion)
            throws Exception {
        String bomPath = OutputFiles.bomName(unit);
        OutputFiles out = new OutputFiles(settings.out(), p.conf());
        ResultCache cache = new ResultCache(settings.cache(), p.conf());
        String contentDigest = null;
        long digestMillis = 0;
        long stageStart = System.nanoTime();
        DigestPrefetch digests = DigestPrefetch.empty();
        try (UnitStage stage = UnitStage.of(unit, p.conf(), settings.maxUnitBytes(), stageDir(), digests)) {
            contentDigest = ContentDigest.of(stage.local(), settings.maxUnitBytes(), settings.threadsPerUnit(),
                    digests);
            digestMillis = millisSince(stageStart);
            String key = ResultCache.key(contentDigest, tool, policyVersion);
            Optional<ResultCache.Entry> hit = cache.read(key);
            if (hit.isPresent()) {
                out.write(bomPath, hit.get().bom());
                return hit.get().row().reusedAt(unit.uri(), bomPath, digestMillis, millisSince(start));
            }
            long scanStart = System.nanoTime();
            Clock clock = Clock.systemUTC();
            Limits limits = Limits.defaults().withTimeout(settings.unitTimeout())
                    .withMaxFileBytes(settings.maxUnitBytes());
            ScanReport report = VerificationChecks.scanner(limits, settings.threadsPerUnit(), clock, p.verification())
                    .withDigests(digests).scan(List.of(stage.local()));
            ScanAssessment assessment = new AssessmentBuilder(p.kb()).build(report);
            Decision decision = new PolicyEngine().decide(assessment, p.policy(), clock);
            String bom = CycloneDxWriter.write(new CycloneDxBomBuilder(clock).build(assessment, decision),
                    CycloneDxWriter.Encoding.JSON);
            UnitRow row = UnitRows.of(unit, contentDigest, assessment, decision, bomPath, digestMillis,
                    millisSince(scanStart), millisSince(start), tool, policyVersion);
            out.write(bomPath, bom);
            cache.write(key, new ResultCache.Entry(row, bom));
            return row;
        } catch (Exception | Error e) {
            return UnitRow.failed(unit, contentDigest, Failures.describe(e), digestMillis, millisSince(start), tool,
                    policyVersion);
        }
    }

    /** The staging folder, resolved on the executor: its temporary folder unless one was given. */
    private Path stageDir() {
        return settings.stageDir() != null ? Path.of(settings.stageDir())
                : Path.of(System.getProperty("java.io.tmpdir"), "modelgate-fleet");
    }

    private Prepared prepared() throws PolicyException {
        Prepared p = prepared;
        if (p == null) {
            synchronized (this) {
                p = prepared;
                if (p == null) {
                    KnowledgeBase kb = KnowledgeBaseLoader.builtIn();
                    Policy policy = settings.policy().parse(kb);
                    SignaturePolicy signature = policy.signature();
                    // one lock file cannot describe a whole registry: locks are checked per model, not here
                    VerificationOptions verification = new VerificationOptions(null, signature.publicKeys(),
                            signature.certificates(), signature.trustRoot(), signature.keyrings());
                    Configuration conf = new Configuration(false);
                    hadoopConf.forEach(conf::set);
                    ExecutorService pool = Executors.newCachedThreadPool(r -> {
                        Thread t = new Thread(r, "modelgate-unit");
                        t.setDaemon(true);
                        return t;
                    });
                    p = new Prepared(kb, policy, verification, conf, pool);
                    prepared = p;
                }
            }
        }
        return p;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
