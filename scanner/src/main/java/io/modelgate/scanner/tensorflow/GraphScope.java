package io.modelgate.scanner.tensorflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One graph or function body, for tracing where path inputs of checkpoint and asset operations come
 * from: through pass-through operations back to string constants. Only the nodes on such paths are kept.
 */
final class GraphScope {

    private static final Set<String> PASS_THROUGH = Set.of("Identity", "PlaceholderWithDefault", "StringJoin",
            "ShardedFilename", "ShardedFilespec", "Snapshot", "Const");
    private static final int MAX_NODES = 100_000;
    private static final int MAX_TRACE_DEPTH = 8;
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:[/\\\\].*");

    private final String label;
    private final Map<String, TfNode> sources = new HashMap<>();
    private final List<TfNode> pathOps = new ArrayList<>();
    private boolean truncated;

    GraphScope(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    void add(TfNode node) {
        if (PASS_THROUGH.contains(node.op())) {
            keep(() -> sources.put(node.name(), node));
        } else if (OpRisk.of(node.op()).filter(r -> r == OpRisk.PATH_INPUT).isPresent()) {
            keep(() -> pathOps.add(node));
        }
    }

    /** True when the scope had more traced nodes than are kept: some paths went unchecked. */
    boolean truncated() {
        return truncated;
    }

    List<TfNode> pathOps() {
        return pathOps;
    }

    /** Constant strings reaching the node's inputs that point outside the loader-supplied location. */
    Set<String> outsidePaths(TfNode node) {
        Set<String> found = new LinkedHashSet<>();
        for (String input : node.inputs()) {
            trace(input, 0, found);
        }
        return found;
    }

    private void trace(String name, int depth, Set<String> found) {
        TfNode source = sources.get(name);
        if (source == null || depth > MAX_TRACE_DEPTH) {
            return;
        }
        for (String value : source.constStrings()) {
            if (pointsOutside(value)) {
                found.add(value);
            }
        }
        for (String input : source.inputs()) {
            trace(input, depth + 1, found);
        }
    }

    static boolean pointsOutside(String path) {
        if (path.startsWith("/") || path.startsWith("\\") || path.startsWith("~") || path.contains("://")
                || DRIVE.matcher(path).matches()) {
            return true;
        }
        for (String segment : path.split("[/\\\\]")) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private void keep(Runnable store) {
        if (sources.size() + pathOps.size() < MAX_NODES) {
            store.run();
        } else {
            truncated = true;
        }
    }
}
