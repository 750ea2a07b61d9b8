package io.modelgate.scanner.archive;

import io.modelgate.scanner.Limits;
import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.AnalysisEngine;
import io.modelgate.scanner.analysis.Deadline;
import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.archive.compress.CompressedStreamAnalyzer;
import io.modelgate.scanner.archive.sevenz.SevenZipAnalyzer;
import io.modelgate.scanner.archive.tar.TarAnalyzer;
import io.modelgate.scanner.archive.tar.TarFlavorDetector;
import io.modelgate.scanner.archive.zip.PyTorchZipAnalyzer;
import io.modelgate.scanner.archive.zip.ZipAnalyzer;
import io.modelgate.scanner.archive.zip.ZipFlavorDetector;
import io.modelgate.scanner.archive.zip.ZipTailDetector;
import io.modelgate.scanner.detect.ContentDetector;
import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.FormatDetector;
import io.modelgate.scanner.detect.MagicDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ArrayByteSource;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.io.FileByteSource;
import io.modelgate.scanner.model.ArtifactPath;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Severity;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the archive analysers in a test engine whose pickle and text "analysers" only record what reached
 * them (path, format, bytes), so tests check routing without depending on other formats' analysers.
 */
public final class ArchiveScan {

    /** What reached a recording analyser. */
    public record Arrival(String path, ModelFormat format, byte[] bytes) {
    }

    public static final Limits SMALL_LIMITS = new Limits(1L << 30, 8, 1_000, 64L << 20, 200, 1_000_000, 10_000,
            1 << 20, 1 << 20, Duration.ofSeconds(60));

    private final List<Arrival> arrivals = new ArrayList<>();
    private final FileCollector collector = new FileCollector();

    private ArchiveScan() {
    }

    public static ArchiveScan of(String name, byte[] bytes) throws IOException {
        return of(name, new ArrayByteSource(bytes), SMALL_LIMITS);
    }

    public static ArchiveScan of(String name, byte[] bytes, Limits limits) throws IOException {
        return of(name, new ArrayByteSource(bytes), limits);
    }

    public static ArchiveScan ofFile(Path file) throws IOException {
        try (FileByteSource source = FileByteSource.open(file)) {
            return of(file.getFileName().toString(), source, SMALL_LIMITS);
        }
    }

    public static ArchiveScan of(String name, ByteSource source, Limits limits) throws IOException {
        ArchiveScan scan = new ArchiveScan();
        List<FormatAnalyzer> analyzers = List.of(new ZipAnalyzer(), new PyTorchZipAnalyzer(), new TarAnalyzer(),
                new SevenZipAnalyzer(), new CompressedStreamAnalyzer(),
                scan.recorder(ModelFormat.PICKLE), scan.recorder(ModelFormat.UNKNOWN),
                scan.recorder(ModelFormat.NUMPY));
        ContentDetector detector = new ContentDetector(List.of(new ZipFlavorDetector(), new TarFlavorDetector(),
                new MagicDetector(), new PickleHeaderDetector(), new ZipTailDetector()));
        AnalysisEngine engine = new AnalysisEngine(detector, analyzers, limits);
        engine.dispatch(ArtifactPath.of(name), source, Optional.empty(), scan.collector,
                Deadline.after(limits.timeout()));
        return scan;
    }

    public List<Arrival> arrivals() {
        return arrivals;
    }

    public List<String> arrivedPaths(ModelFormat format) {
        return arrivals.stream().filter(a -> a.format() == format).map(Arrival::path).toList();
    }

    public Optional<Arrival> arrival(String path) {
        return arrivals.stream().filter(a -> a.path().equals(path)).findFirst();
    }

    public FileCollector collector() {
        return collector;
    }

    public List<String> ruleIds() {
        return collector.findings().stream().map(Finding::ruleId).toList();
    }

    public List<Finding> findingsAbove(Severity threshold) {
        return collector.findings().stream().filter(f -> f.severity().ordinal() < threshold.ordinal()).toList();
    }

    public boolean incomplete() {
        return !collector.incompleteReasons().isEmpty();
    }

    private FormatAnalyzer recorder(ModelFormat format) {
        return new FormatAnalyzer() {
            @Override
            public Set<ModelFormat> formats() {
                return Set.of(format);
            }

            @Override
            public void analyze(ByteSource source, AnalysisContext context) throws IOException {
                byte[] bytes = source.readFully(0, (int) Math.min(source.size(), 1 << 20));
                arrivals.add(new Arrival(context.path().toString(), format, bytes));
            }
        };
    }

    /** Stands in for the real pickle detector: a protocol 2+ PROTO opcode. */
    private static final class PickleHeaderDetector implements FormatDetector {
        @Override
        public Optional<Detection> detect(ByteSource source, byte[] head, String name) {
            boolean pickle = head.length >= 2 && (head[0] & 0xff) == 0x80 && head[1] >= 2 && head[1] <= 5;
            return pickle ? Optional.of(new Detection(ModelFormat.PICKLE, "PROTO opcode")) : Optional.empty();
        }
    }
}
