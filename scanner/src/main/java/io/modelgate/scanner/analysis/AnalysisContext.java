package io.modelgate.scanner.analysis;

import io.modelgate.scanner.Limits;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.facts.EmbeddedArtifact;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.io.ScanBudgets;
import io.modelgate.scanner.model.ArtifactPath;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Location;
import io.modelgate.scanner.model.Rule;
import io.modelgate.scanner.packaging.SoftwarePackage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What an analyser sees of the scan: where the artifact is, the limits, a place to report findings
 * and facts, and a way to hand embedded artifacts (archive members, decompressed payloads, pickles
 * inside pickles) back to detection and analysis one level deeper.
 */
public final class AnalysisContext {

    private final ArtifactPath path;
    private final Limits limits;
    private final FileCollector collector;
    private final Deadline deadline;
    private final ArtifactDispatcher dispatcher;
    private final Path diskPath;
    private final ScanBudgets budgets;

    /** A context outside a scan, with budgets of its own taken from the limits. */
    public AnalysisContext(ArtifactPath path, Limits limits, FileCollector collector, Deadline deadline,
                           ArtifactDispatcher dispatcher) {
        this(path, limits, collector, deadline, dispatcher, null,
                limits.newBudgets());
    }

    /**
     * @param diskPath the file on disk holding this artifact's bytes, null for embedded artifacts
     * @param budgets  the temporary disk and heap the whole scan shares
     */
    public AnalysisContext(ArtifactPath path, Limits limits, FileCollector collector, Deadline deadline,
                           ArtifactDispatcher dispatcher, Path diskPath, ScanBudgets budgets) {
        this.path = path;
        this.limits = limits;
        this.collector = collector;
        this.deadline = deadline;
        this.dispatcher = dispatcher;
        this.diskPath = diskPath;
        this.budgets = budgets;
    }

    /**
     * The file on disk when this artifact is a whole top-level file (formats that reference sibling files,
     * such as ONNX external data, resolve them from its folder); empty for embedded artifacts.
     */
    public Optional<Path> diskPath() {
        return Optional.ofNullable(diskPath);
    }

    public ArtifactPath path() {
        return path;
    }

    public Limits limits() {
        return limits;
    }

    public int depth() {
        return path.depth();
    }

    public Deadline deadline() {
        return deadline;
    }

    /** The temporary disk and spool heap shared by the whole scan. */
    public ScanBudgets budgets() {
        return budgets;
    }

    /** Raw access for the dispatcher and tests. */
    public FileCollector collector() {
        return collector;
    }

    public void report(Rule rule, long offset, String subject, String message) {
        collector.add(Finding.of(rule, Location.at(path, offset), subject, message));
    }

    public void report(Rule rule, String subject, String message) {
        collector.add(Finding.of(rule, Location.of(path), subject, message));
    }

    /** Analysis of this artifact could not finish: fail closed. */
    public void incomplete(String reason) {
        collector.incomplete(path + ": " + reason);
        report(CoreRules.INCOMPLETE, null, reason);
    }

    /** A configured limit stopped the analysis: a finding and an incomplete mark. */
    public void limitReached(String reason) {
        report(CoreRules.LIMIT_REACHED, null, reason);
        incomplete(reason);
    }

    public void fact(String key, Object value) {
        collector.fact(depth() == 0 ? key : path + "#" + key, value);
    }

    /** Refines the format of the artifact being analysed (e.g. a zip found to be a PyTorch checkpoint). */
    public void refineFormat(ModelFormat format) {
        if (depth() == 0) {
            collector.format(format);
        } else {
            collector.innerFormat(format);
            Object known = collector.facts().get(path + "#" + EmbeddedArtifact.KEY);
            recordEmbedded(format, known instanceof EmbeddedArtifact a ? a.size() : -1);
        }
    }

    /**
     * Records an embedded artifact's format so units inside containers can be found from the facts; plain
     * text and unknown bytes are not model files and are left out (license texts carry facts of their own).
     */
    void recordEmbedded(ModelFormat format, long size) {
        if (format.isModelContent()) {
            fact(EmbeddedArtifact.KEY, new EmbeddedArtifact(format.id(), size));
        }
    }

    /**
     * Marks this artifact as a positively identified software package: the programs it ships directly
     * are the package's own (see {@link #enclosingPackage()}), and its name and version become facts.
     */
    public void enterPackage(SoftwarePackage identified) {
        collector.softwarePackage(path.toString(), identified);
        fact("package.ecosystem", identified.kind().ecosystem());
        identified.name().ifPresent(name -> fact("package.name", name));
        identified.version().ifPresent(version -> fact("package.version", version));
    }

    /**
     * The software package this artifact is a direct member of. Empty for anything deeper, such as a
     * member of a model archive that the package bundles.
     */
    public Optional<SoftwarePackage> enclosingPackage() {
        if (depth() == 0) {
            return Optional.empty();
        }
        List<String> segments = path.segments();
        return collector.softwarePackage(new ArtifactPath(segments.subList(0, segments.size() - 1)).toString());
    }

    /** Detects and analyses an embedded artifact one level deeper. */
    public void scanEmbedded(String name, ByteSource source) throws IOException {
        dispatcher.dispatch(path.child(name), source, Optional.empty(), collector, deadline);
    }

    /** Analyses an embedded artifact as a given format, without detection. */
    public void scanEmbeddedAs(String name, ByteSource source, ModelFormat format) throws IOException {
        dispatcher.dispatch(path.child(name), source, Optional.of(format), collector, deadline);
    }

}
