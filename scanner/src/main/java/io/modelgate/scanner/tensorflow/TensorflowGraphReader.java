package io.modelgate.scanner.tensorflow;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.io.ArrayByteSource;
import io.modelgate.scanner.ops.OpTally;
import io.modelgate.scanner.protobuf.ProtoReader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;

/**
 * Walks a SavedModel or a GraphDef: every node of every graph and of every function in the function
 * library (TF2 keeps nearly all operations there). Operations are tallied; path inputs of checkpoint and
 * asset operations are traced within their graph or function.
 */
final class TensorflowGraphReader {

    private static final int MAX_TEXT = 1024;
    private static final int MAX_LISTED = 256;

    private final AnalysisContext context;
    private final OpTally ops = new OpTally();
    private final Set<String> tags = new LinkedHashSet<>();
    private final List<String> versions = new ArrayList<>();
    /** Embedded values handed on per file, and their total: a graph is not a way around the limits. */
    private static final int MAX_BLOBS = 1024;
    private static final long MAX_BLOB_TOTAL = 256L << 20;

    private final Map<String, String> networkDebug = new TreeMap<>();
    private long functions;
    private long metaGraphs;
    private int blobs;
    private long blobBytes;

    TensorflowGraphReader(AnalysisContext context) {
        this.context = context;
    }

    void readSavedModel(ProtoReader savedModel) throws IOException {
        while (savedModel.next()) {
            if (savedModel.field() == 1) {
                context.fact("tensorflow.savedModelSchemaVersion", savedModel.varint());
            } else if (savedModel.field() == 2) {
                metaGraphs++;
                readMetaGraph(savedModel.message(), "meta graph " + metaGraphs);
            }
        }
        context.fact("tensorflow.metaGraphCount", metaGraphs);
    }

    private void readMetaGraph(ProtoReader metaGraph, String label) throws IOException {
        while (metaGraph.next()) {
            if (metaGraph.field() == 1) {
                readMetaInfo(metaGraph.message());
            } else if (metaGraph.field() == 2) {
                readGraphDef(metaGraph.message(), label);
            }
        }
    }

    private void readMetaInfo(ProtoReader info) throws IOException {
        while (info.next()) {
            switch (info.field()) {
                case 4 -> {
                    if (tags.size() < MAX_LISTED) {
                        tags.add(info.string(MAX_TEXT));
                    }
                }
                case 5 -> addVersion("tensorflow " + info.string(MAX_TEXT));
                case 6 -> addVersion("git " + info.string(MAX_TEXT));
                default -> {
                }
            }
        }
    }

    void readGraphDef(ProtoReader graph, String label) throws IOException {
        GraphScope scope = new GraphScope(label);
        while (graph.next()) {
            context.deadline().check();
            switch (graph.field()) {
                case 1 -> addNode(NodeDefReader.read(graph.message()), scope);
                case 2 -> readLibrary(graph.message());
                case 4 -> readVersions(graph.message());
                default -> {
                }
            }
        }
        finish(scope);
    }

    private void readVersions(ProtoReader versionDef) throws IOException {
        while (versionDef.next()) {
            if (versionDef.field() == 1) {
                addVersion("graph producer " + versionDef.varint());
            } else if (versionDef.field() == 2) {
                addVersion("graph min consumer " + versionDef.varint());
            }
        }
    }

    private void readLibrary(ProtoReader library) throws IOException {
        while (library.next()) {
            if (library.field() == 1) {
                functions++;
                // Two passes over the FunctionDef: its name labels the nodes wherever the signature sits.
                GraphScope scope = new GraphScope("function '" + functionName(library.message()) + "'");
                ProtoReader function = library.message();
                while (function.next()) {
                    context.deadline().check();
                    if (function.field() == 3) {
                        addNode(NodeDefReader.read(function.message()), scope);
                    }
                }
                finish(scope);
            }
        }
    }

    private static String functionName(ProtoReader function) throws IOException {
        while (function.next()) {
            if (function.field() == 1) {
                ProtoReader signature = function.message();
                while (signature.next()) {
                    if (signature.field() == 1) {
                        return signature.string(MAX_TEXT);
                    }
                }
            }
        }
        return "";
    }

    private void addNode(TfNode node, GraphScope scope) throws IOException {
        OpRisk risk = OpRisk.of(node.op()).orElse(null);
        boolean notable = (risk != null && risk.rule().isPresent()) || printsToFile(node);
        ops.add(node.op(), "", node.op(), node.name(), scope.label(), notable);
        if (risk == OpRisk.DIAGNOSTIC && sendsToNetwork(node)) {
            networkDebug.putIfAbsent(node.op(), node.name() + " in " + scope.label());
        }
        openBlobs(node, scope);
        scope.add(node.withoutBlobs());
    }

    /**
     * Long string constants and attributes may carry a serialized graph (DatasetFromGraph's input, a
     * SavedModel hidden in a tensor), a pickle or an archive: each is handed to detection one level deeper.
     */
    private void openBlobs(TfNode node, GraphScope scope) throws IOException {
        for (byte[] blob : node.blobs()) {
            if (blob == NodeDefReader.TOO_LARGE || blobs >= MAX_BLOBS || blobBytes + blob.length > MAX_BLOB_TOTAL) {
                context.limitReached("string values of node '" + node.name() + "' in " + scope.label()
                        + " are larger than analysed");
                return;
            }
            blobs++;
            blobBytes += blob.length;
            context.scanEmbedded(scope.label() + " node '" + node.name() + "' value " + blobs,
                    new ArrayByteSource(blob));
        }
    }

    /** Debug operations stream tensors to their debug_urls; grpc:// sends them over the network. */
    private static boolean sendsToNetwork(TfNode node) {
        return node.stringAttrs().values().stream().anyMatch(v -> v.contains("grpc://"));
    }

    private static boolean printsToFile(TfNode node) {
        String stream = node.stringAttrs().get("output_stream");
        return node.op().equals("PrintV2") && stream != null && !stream.startsWith("log(") && !stream.startsWith("std");
    }

    private void finish(GraphScope scope) {
        for (TfNode node : scope.pathOps()) {
            Set<String> outside = scope.outsidePaths(node);
            if (!outside.isEmpty()) {
                context.report(TensorflowRules.FIXED_PATH, node.name(), node.op() + " node '" + node.name() + "' in "
                        + scope.label() + " uses the fixed path(s) " + outside + " instead of the loader's location.");
            }
        }
        if (scope.truncated()) {
            context.limitReached("too many nodes in " + scope.label() + " to trace all checkpoint paths");
        }
    }

    private void addVersion(String version) {
        if (versions.size() < MAX_LISTED && !versions.contains(version)) {
            versions.add(version);
        }
    }

    /** Facts, and a finding per risky operation type with the first node using it. */
    void report() {
        context.fact("tensorflow.opTypes", ops.counts());
        if (ops.countsTruncated()) {
            context.fact("tensorflow.opTypesTruncated", true);
        }
        context.fact("tensorflow.nodeCount", ops.total());
        context.fact("tensorflow.functionCount", functions);
        if (!tags.isEmpty()) {
            context.fact("tensorflow.tags", List.copyOf(tags));
        }
        if (!versions.isEmpty()) {
            context.fact("tensorflow.versions", List.copyOf(versions));
        }
        for (OpTally.Use use : ops.notable()) {
            OpRisk risk = OpRisk.of(use.op()).orElse(null);
            var rule = risk == null ? TensorflowRules.DIAGNOSTIC_OUTPUT : risk.rule().orElseThrow();
            context.report(rule, use.op(), "Operation " + use.op() + " used by " + use.where() + ".");
        }
        networkDebug.forEach((op, where) -> context.report(TensorflowRules.NETWORK, op, "Operation " + op
                + " used by " + where + " streams tensors to a grpc:// debug URL."));
        if (ops.notableTruncated()) {
            context.limitReached("more than " + OpTally.MAX_DISTINCT + " distinct risky operations");
        }
    }
}
