package io.modelgate.scanner.testing;

import io.modelgate.scanner.Limits;
import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.Deadline;
import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.model.ArtifactPath;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Severity;

import java.time.Duration;
import java.util.List;

/** An analysis context over a fresh collector, with no embedded dispatch, for unit tests. */
public final class TestContexts {

    private TestContexts() {
    }

    public static AnalysisContext context(String name, FileCollector collector) {
        return new AnalysisContext(ArtifactPath.of(name), Limits.defaults(), collector,
                Deadline.after(Duration.ofSeconds(60)), (path, source, format, c, deadline) -> { });
    }

    public static List<String> ruleIds(FileCollector collector) {
        return collector.findings().stream().map(Finding::ruleId).distinct().sorted().toList();
    }

    public static List<Finding> atLeast(FileCollector collector, Severity severity) {
        return collector.findings().stream().filter(f -> f.severity().atLeast(severity)).toList();
    }
}
