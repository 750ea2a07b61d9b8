package io.modelgate.scanner.e2e;

import io.modelgate.scanner.FormatRegistry;
import io.modelgate.scanner.Limits;
import io.modelgate.scanner.analysis.Deadline;
import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ArrayByteSource;
import io.modelgate.scanner.model.ArtifactPath;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Severity;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Runs the default engine (detection and every analyser) over bytes built by a test. */
public final class InMemoryScan {

    private InMemoryScan() {
    }

    public static FileCollector scan(String name, byte[] bytes) throws IOException {
        return dispatch(name, bytes, Optional.empty());
    }

    /** Analyses the bytes as the given format, as a container does for a member whose format it knows. */
    public static FileCollector scanAs(String name, byte[] bytes, ModelFormat format) throws IOException {
        return dispatch(name, bytes, Optional.of(format));
    }

    private static FileCollector dispatch(String name, byte[] bytes, Optional<ModelFormat> format) throws IOException {
        FileCollector collector = new FileCollector();
        FormatRegistry.engine(Limits.defaults()).dispatch(ArtifactPath.of(name), new ArrayByteSource(bytes),
                format, collector, Deadline.after(Duration.ofSeconds(30)));
        return collector;
    }

    public static List<String> ruleIds(FileCollector collector) {
        return collector.findings().stream().map(Finding::ruleId).toList();
    }

    public static List<Finding> atLeast(FileCollector collector, Severity severity) {
        return collector.findings().stream().filter(f -> f.severity().atLeast(severity)).toList();
    }
}
