package io.modelgate.scanner.skops;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelgate.scanner.analysis.Deadline;
import io.modelgate.scanner.io.LimitExceededException;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks a skops schema (schema.json) the way skops.io's get_tree does, without building anything: every object
 * with a {@code __loader__} is a node whose loader must be one skops knows, with the {@code __module__} and
 * {@code __class__} it constructs. A method node names the method it binds. A loader skops does not know stops the
 * reading: the schema was written by another version or by hand, and what it would build cannot be judged.
 */
final class SkopsSchemaReader {

    static final int MAX_NODES = 1_000_000;
    private static final int MAX_NAME = 512;
    private static final int MAX_PATH = 240;
    private static final int MAX_SEGMENT = 64;

    /** Loaders of skops.io (general, NumPy, SciPy and scikit-learn nodes). */
    static final Set<String> LOADERS = Set.of("DictNode", "DefaultDictNode", "ListNode", "SetNode", "TupleNode",
            "BytesNode", "BytearrayNode", "SliceNode", "FunctionNode", "MethodNode", "PartialNode", "TypeNode",
            "ConstructorFromReduceNode", "ObjectNode", "JsonNode", "OperatorFuncNode", "NdArrayNode",
            "MaskedArrayNode", "DTypeNode", "RandomStateNode", "RandomGeneratorNode", "SparseMatrixNode", "CachedNode",
            "LossNode", "TreeNode", "SGDNode", "_DictWithDeprecatedKeysNode");

    record Schema(long protocol, String version, List<SkopsNode> nodes) {
    }

    private final Deadline deadline;

    SkopsSchemaReader(Deadline deadline) {
        this.deadline = deadline;
    }

    Schema read(JsonNode root) throws IOException {
        if (!root.isObject() || !root.hasNonNull("__loader__") || !root.path("protocol").isIntegralNumber()) {
            throw new SkopsFormatException("schema.json is not a skops schema (no root loader and protocol)");
        }
        List<SkopsNode> nodes = new ArrayList<>();
        Deque<Map.Entry<String, JsonNode>> pending = new ArrayDeque<>();
        pending.push(Map.entry("$", root));
        long visited = 0;
        while (!pending.isEmpty()) {
            if ((++visited & 0xffff) == 0) {
                deadline.check();
            }
            Map.Entry<String, JsonNode> next = pending.pop();
            String path = next.getKey();
            JsonNode value = next.getValue();
            if (value.isObject()) {
                if (value.has("__loader__")) {
                    if (nodes.size() >= MAX_NODES) {
                        throw new LimitExceededException("more than " + MAX_NODES + " nodes in a skops schema");
                    }
                    nodes.add(node(value, path));
                }
                for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    pending.push(Map.entry(child(path, "." + field.getKey()), field.getValue()));
                }
            } else if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    pending.push(Map.entry(child(path, "[" + i + "]"), value.get(i)));
                }
            }
        }
        return new Schema(root.path("protocol").asLong(), root.path("_skops_version").asText(""), nodes);
    }

    private static SkopsNode node(JsonNode value, String path) throws SkopsFormatException {
        String loader = text(value, "__loader__", path);
        if (!LOADERS.contains(loader)) {
            throw new SkopsFormatException("skops loader '" + cut(loader) + "' at " + cut(path) + " is not one ModelGate "
                    + "knows, so what it builds cannot be judged");
        }
        String module = text(value, "__module__", path);
        String name = text(value, "__class__", path);
        if (loader.equals("MethodNode")) {
            JsonNode function = value.path("content").path("func");
            if (!function.isTextual()) {
                throw new SkopsFormatException("method node at " + cut(path) + " names no method");
            }
            name = name + "." + function.asText();
        }
        return new SkopsNode(loader, module, name, path);
    }

    private static String text(JsonNode value, String key, String path) throws SkopsFormatException {
        JsonNode field = value.get(key);
        if (field == null || !field.isTextual() || field.asText().length() > MAX_NAME) {
            throw new SkopsFormatException("skops node at " + cut(path) + " has no valid " + key);
        }
        return field.asText();
    }

    /**
     * The path of a child for reports, bounded: keys may be a megabyte long and a wide subtree repeats its
     * parent's path in every child, so paths keep their first characters only.
     */
    private static String child(String parent, String segment) {
        if (parent.length() >= MAX_PATH) {
            return parent;
        }
        String path = parent + (segment.length() > MAX_SEGMENT ? segment.substring(0, MAX_SEGMENT) + "..." : segment);
        return path.length() > MAX_PATH ? path.substring(0, MAX_PATH) + "..." : path;
    }

    private static String cut(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }
}
