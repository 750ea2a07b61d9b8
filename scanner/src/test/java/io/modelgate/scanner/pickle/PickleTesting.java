package io.modelgate.scanner.pickle;

import io.modelgate.scanner.FormatRegistry;
import io.modelgate.scanner.Limits;
import io.modelgate.scanner.analysis.AnalysisEngine;
import io.modelgate.scanner.analysis.Deadline;
import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.detect.ContentDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ArrayByteSource;
import io.modelgate.scanner.model.ArtifactPath;
import io.modelgate.scanner.model.Finding;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Runs bytes through the real engine as a pickle artifact and returns what was collected. */
final class PickleTesting {

    private PickleTesting() {
    }

    static FileCollector analyse(byte[] data) throws IOException {
        return analyse(data, Limits.defaults());
    }

    static FileCollector analyse(byte[] data, Limits limits) throws IOException {
        return run(data, "test.pkl", Optional.of(ModelFormat.PICKLE), limits);
    }

    /** Detection by content, then analysis, as for a file on disk (without digesting it). */
    static FileCollector scan(byte[] data, String name) throws IOException {
        return run(data, name, Optional.empty(), Limits.defaults());
    }

    private static FileCollector run(byte[] data, String name, Optional<ModelFormat> format, Limits limits)
            throws IOException {
        AnalysisEngine engine = limits.equals(Limits.defaults()) ? DEFAULT_ENGINE : engine(limits);
        FileCollector collector = new FileCollector();
        engine.dispatch(ArtifactPath.of(name), new ArrayByteSource(data), format, collector,
                Deadline.after(Duration.ofSeconds(60)));
        return collector;
    }

    private static final AnalysisEngine DEFAULT_ENGINE = engine(Limits.defaults());

    private static AnalysisEngine engine(Limits limits) {
        return new AnalysisEngine(new ContentDetector(FormatRegistry.detectors()), FormatRegistry.analyzers(), limits);
    }

    /** Default limits with smaller pickle bounds. */
    static Limits pickleLimits(long maxOps, int maxStack, int maxString) {
        Limits d = Limits.defaults();
        return new Limits(d.maxFileBytes(), d.maxDepth(), d.maxEntries(), d.maxExpandedBytes(),
                d.maxCompressionRatio(), maxOps, maxStack, maxString, d.spoolMemoryBytes(), d.timeout());
    }

    static List<Finding> withRule(FileCollector collector, String ruleId) {
        return collector.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    static String describe(FileCollector collector) {
        StringBuilder s = new StringBuilder();
        for (Finding f : collector.findings()) {
            s.append("\n  ").append(f.ruleId()).append(' ').append(f.location()).append(' ').append(f.subject())
                    .append(": ").append(f.message());
        }
        collector.incompleteReasons().forEach(r -> s.append("\n  incomplete: ").append(r));
        s.append("\n  facts: ").append(collector.facts());
        return s.toString();
    }
}
