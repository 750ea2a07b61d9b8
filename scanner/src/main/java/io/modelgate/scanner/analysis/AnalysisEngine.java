package io.modelgate.scanner.analysis;

import io.modelgate.scanner.Limits;
import io.modelgate.scanner.detect.ContentDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.xet.XetCacheFiles;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.io.LimitExceededException;
import io.modelgate.scanner.io.ScanBudgets;
import io.modelgate.scanner.model.ArtifactPath;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Detect, then analyse, recursively. Errors inside one artifact become findings on that artifact and
 * an incomplete mark; the parent and the rest of the scan carry on.
 */
public final class AnalysisEngine implements ArtifactDispatcher {

    /** Recognised only so they are not taken for unread models: vocabulary and hashes, nothing a loader runs. */
    private static final java.util.Set<ModelFormat> RECOGNISED_DATA = java.util.EnumSet.of(ModelFormat.SENTENCEPIECE,
            ModelFormat.TF_FINGERPRINT, ModelFormat.XET_CHUNK_CACHE, ModelFormat.XET_SHARD);

    private final ContentDetector detector;
    private final Map<ModelFormat, FormatAnalyzer> analyzers = new EnumMap<>(ModelFormat.class);
    private final Limits limits;
    private final ScanBudgets budgets;

    /** An engine with budgets of its own, taken from the limits. */
    public AnalysisEngine(ContentDetector detector, List<FormatAnalyzer> analyzerList, Limits limits) {
        this(detector, analyzerList, limits, limits.newBudgets());
    }

    /** @param budgets the temporary disk and spool heap every file analysed by this engine shares */
    public AnalysisEngine(ContentDetector detector, List<FormatAnalyzer> analyzerList, Limits limits,
                          ScanBudgets budgets) {
        this.detector = detector;
        this.limits = limits;
        this.budgets = budgets;
        for (FormatAnalyzer analyzer : analyzerList) {
            for (ModelFormat format : analyzer.formats()) {
                FormatAnalyzer previous = analyzers.putIfAbsent(format, analyzer);
                if (previous != null) {
                    throw new IllegalStateException("two analysers for " + format + ": " + previous + ", " + analyzer);
                }
            }
        }
    }

    public ScanBudgets budgets() {
        return budgets;
    }

    @Override
    public void dispatch(ArtifactPath path, ByteSource source, Optional<ModelFormat> forced, FileCollector collector,
                         Deadline deadline) throws IOException {
        run(new AnalysisContext(path, limits, collector, deadline, this, null, budgets), source, forced);
    }

    /** Detects and analyses a top-level file whose bytes are {@code file} on disk. */
    public void dispatchFile(Path file, ArtifactPath path, ByteSource source, FileCollector collector,
                             Deadline deadline) throws IOException {
        run(new AnalysisContext(path, limits, collector, deadline, this, file, budgets), source, Optional.empty());
    }

    private void run(AnalysisContext context, ByteSource source, Optional<ModelFormat> forced) throws IOException {
        ArtifactPath path = context.path();
        FileCollector collector = context.collector();
        Deadline deadline = context.deadline();
        if (path.depth() > limits.maxDepth()) {
            context.limitReached("container nesting deeper than " + limits.maxDepth() + " levels");
            return;
        }
        deadline.check();
        ModelFormat format = forced.isPresent() ? forced.get() : detect(context, source);
        if (path.depth() == 0) {
            collector.format(format);
        } else {
            collector.innerFormat(format);
            context.recordEmbedded(format, source.size());
        }
        if (!format.isModelContent()) {
            Optional<String> unread = ModelFileNames.unreadModel(path.leafName(), format, source);
            if (unread.isPresent()) {
                context.incomplete(unread.get());
            }
        }
        FormatAnalyzer analyzer = analyzerFor(format);
        if (analyzer == null) {
            if (format.isModelContent() && !RECOGNISED_DATA.contains(format)) {
                context.incomplete("format not analysed: recognised as " + format.id() + ", which no analyser reads");
            }
            return;
        }
        if (format.isModelContent()) {
            collector.analysed();
        }
        try {
            analyzer.analyze(source, context);
        } catch (TimeoutExceededException e) {
            throw e;
        } catch (LimitExceededException e) {
            context.limitReached(e.getMessage());
        } catch (UncheckedIOException e) {
            context.incomplete(describe(format, e.getCause()));
        } catch (IOException | RuntimeException e) {
            context.incomplete(describe(format, e));
        } catch (StackOverflowError e) {
            context.limitReached("nesting too deep to analyse");
        }
    }

    /**
     * A file of hf_xet's cache is known by where it lies as well as by its bytes (its pieces of model files
     * must not be taken for models); everything else by content.
     */
    private ModelFormat detect(AnalysisContext context, ByteSource source) throws IOException {
        if (context.depth() == 0 && context.diskPath().isPresent()) {
            Optional<XetCacheFiles.Identified> xet = XetCacheFiles.identify(context.diskPath().get(), source);
            if (xet.isPresent()) {
                context.fact("xetCache", xet.get().description());
                return xet.get().format();
            }
        }
        return detector.detect(source, context.path().leafName()).format();
    }

    private FormatAnalyzer analyzerFor(ModelFormat format) {
        for (ModelFormat f = format; f != null; f = f.parent().orElse(null)) {
            FormatAnalyzer analyzer = analyzers.get(f);
            if (analyzer != null) {
                return analyzer;
            }
        }
        return null;
    }

    private static String describe(ModelFormat format, Throwable e) {
        return "cannot analyse " + format.id() + " data: " + Failures.describe(e);
    }
}
