package io.modelgate.scanner.mxnet;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.hf.BoundedJson;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.io.LimitExceededException;
import io.modelgate.scanner.ops.Distinct;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * MXNet symbol graphs: every node's operator is listed, in subgraphs of control-flow nodes too; Custom operators
 * (Python classes registered by op_type) and legacy Python callbacks are reviewed. A graph without the node list
 * MXNet requires is incomplete.
 */
public final class SymbolGraphAnalyzer implements FormatAnalyzer {

    private static final Set<String> PYTHON_CALLBACKS = Set.of("Custom", "_Native", "_NDArray");
    private static final int MAX_NODES = 10_000_000;
    private static final int MAX_REPORTED = 50;
    private static final int MAX_NAME = 256;

    @Override
    public Set<ModelFormat> formats() {
        return Set.of(ModelFormat.MXNET_SYMBOL);
    }

    @Override
    public void analyze(ByteSource source, AnalysisContext context) throws IOException {
        JsonNode root = BoundedJson.readTree(source);
        if (!root.isObject() || !root.path("nodes").isArray() || !root.path("heads").isArray()) {
            throw new MxnetFormatException("not an MXNet symbol graph (no nodes and heads lists)");
        }
        Map<String, Long> ops = new TreeMap<>();
        Deque<JsonNode> graphs = new ArrayDeque<>();
        graphs.push(root);
        long nodes = 0;
        int reported = 0;
        while (!graphs.isEmpty()) {
            JsonNode graph = graphs.pop();
            for (JsonNode node : graph.path("nodes")) {
                if (++nodes > MAX_NODES) {
                    throw new LimitExceededException("more than " + MAX_NODES + " nodes in a symbol graph");
                }
                JsonNode op = node.get("op");
                if (op == null || !op.isTextual()) {
                    throw new MxnetFormatException("node " + (nodes - 1) + " names no operator");
                }
                Distinct.count(ops, cut(op.asText()));
                if (PYTHON_CALLBACKS.contains(op.asText()) && reported++ < MAX_REPORTED) {
                    String type = attribute(node, "op_type");
                    context.report(MxnetRules.CUSTOM_OPERATOR, type.isEmpty() ? op.asText() : type, "Node '"
                            + cut(node.path("name").asText("")) + "' is a " + op.asText() + " operator"
                            + (type.isEmpty() ? "" : " of type '" + type + "'") + ".");
                }
                for (JsonNode subgraph : node.path("subgraphs")) {
                    graphs.push(subgraph);
                }
            }
        }
        context.fact("mxnet.nodeCount", nodes);
        context.fact("mxnet.operators", ops);
        JsonNode version = root.path("attrs").path("mxnet_version");
        if (version.isArray() && version.size() == 2) {
            context.fact("mxnet.version", version.get(1).asText());
        }
    }

    /** Operator attributes are under attrs (MXNet 1.x), attr or param (older graphs). */
    private static String attribute(JsonNode node, String key) {
        for (String holder : new String[]{"attrs", "attr", "param"}) {
            JsonNode value = node.path(holder).path(key);
            if (value.isTextual()) {
                return cut(value.asText());
            }
        }
        return "";
    }

    private static String cut(String text) {
        return text.length() > MAX_NAME ? text.substring(0, MAX_NAME) + "..." : text;
    }
}
