package io.modelgate.scanner.testing;

import io.modelgate.scanner.FormatRegistry;
import io.modelgate.scanner.Limits;
import io.modelgate.scanner.analysis.Deadline;
import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.io.ArrayByteSource;
import io.modelgate.scanner.model.ArtifactPath;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Severity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Runs detection and analysis over in-memory bytes, the way the scanner does for a file. */
public final class ArtifactScan {

    private ArtifactScan() {
    }

    public static FileCollector scan(String name, byte[] bytes) {
        return scan(name, bytes, Limits.defaults());
    }

    public static FileCollector scan(String name, byte[] bytes, Limits limits) {
        return scan(ArtifactPath.of(name), bytes, limits);
    }

    /** Scans bytes as if found at {@code path} (a path with several segments is an archive member). */
    public static FileCollector scan(ArtifactPath path, byte[] bytes, Limits limits) {
        FileCollector collector = new FileCollector();
        try {
            FormatRegistry.engine(limits).dispatch(path, new ArrayByteSource(bytes), Optional.empty(),
                    collector, Deadline.after(Duration.ofSeconds(30)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return collector;
    }

    public static List<String> ruleIds(FileCollector collector) {
        return collector.findings().stream().map(Finding::ruleId).distinct().toList();
    }

    /** Findings more serious than info: what must stay empty for benign models. */
    public static List<Finding> aboveInfo(FileCollector collector) {
        return collector.findings().stream().filter(f -> f.severity().atLeast(Severity.LOW)).toList();
    }
}
