package io.modelgate.scanner.openvino;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.io.LimitExceededException;
import io.modelgate.scanner.ops.Distinct;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * OpenVINO IR models: the XML graph is read by a hardened, bounded parser; layers outside the standard operation
 * sets are reviewed; constants are checked against the size of the {@code .bin} weights next to the graph, which
 * holds raw tensor bytes only.
 */
public final class OpenvinoAnalyzer implements FormatAnalyzer {

    /** IR graphs of large language models reach tens of megabytes; far beyond that is not a graph to read whole. */
    static final long MAX_XML_BYTES = 1L << 30;
    private static final int MAX_REPORTED = 50;

    @Override
    public Set<ModelFormat> formats() {
        return Set.of(ModelFormat.OPENVINO_IR);
    }

    @Override
    public void analyze(ByteSource source, AnalysisContext context) throws IOException {
        if (source.size() > MAX_XML_BYTES) {
            throw new LimitExceededException("IR graph of " + source.size() + " bytes is larger than " + MAX_XML_BYTES);
        }
        IrGraphReader.Graph graph;
        try (InputStream in = source.open()) {
            graph = new IrGraphReader(context.deadline()).read(in);
        }
        Map<String, Long> types = new TreeMap<>();
        int reported = 0;
        for (IrGraphReader.Layer layer : graph.layers()) {
            Distinct.count(types, layer.type());
            if (!StandardOperations.isStandard(layer.version(), layer.type()) && reported++ < MAX_REPORTED) {
                context.report(OpenvinoRules.CUSTOM_LAYER, layer.type(), "Layer '" + layer.name() + "' (id "
                        + layer.id() + ") is the operation '" + layer.type() + "' of operation set '"
                        + (layer.version() == null ? "(none)" : layer.version()) + "'.");
            }
        }
        if (graph.irVersion() != null) {
            context.fact("openvino.irVersion", graph.irVersion());
        }
        context.fact("openvino.layerCount", (long) graph.layers().size());
        context.fact("openvino.layerTypes", types);
        checkWeights(graph, context);
    }

    /** Constants must lie inside the weights file of the same name (only checkable for a file on disk). */
    private static void checkWeights(IrGraphReader.Graph graph, AnalysisContext context) throws IOException {
        long needed = 0;
        IrGraphReader.Layer furthest = null;
        for (IrGraphReader.Layer layer : graph.layers()) {
            if (layer.offset() >= 0 && layer.size() > 0 && layer.offset() + layer.size() > needed) {
                needed = layer.offset() + layer.size();
                furthest = layer;
            }
        }
        Optional<Path> weights = context.diskPath().map(OpenvinoAnalyzer::weightsOf);
        if (furthest == null || weights.isEmpty()) {
            return;
        }
        if (!Files.isRegularFile(weights.get())) {
            context.report(OpenvinoRules.WEIGHTS_MISMATCH, weights.get().getFileName().toString(), "The graph's "
                    + "constants need " + needed + " bytes of weights, but " + weights.get().getFileName()
                    + " is not next to it.");
        } else if (Files.size(weights.get()) < needed) {
            context.report(OpenvinoRules.WEIGHTS_MISMATCH, furthest.name(), "Constant '" + furthest.name()
                    + "' ends at byte " + needed + ", beyond the " + Files.size(weights.get()) + " bytes of "
                    + weights.get().getFileName() + ".");
        }
    }

    static Path weightsOf(Path xml) {
        String name = xml.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return xml.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".bin");
    }
}
