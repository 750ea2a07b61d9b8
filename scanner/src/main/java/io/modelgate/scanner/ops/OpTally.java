package io.modelgate.scanner.ops;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Operator usage in a computation graph, bounded whatever the graph holds: a count per distinct operator
 * (for facts) and, for operators the caller marks notable, where the first one was used (for findings).
 * Notable operators are kept apart so that many distinct ordinary operators cannot push them out.
 */
public final class OpTally {

    public static final int MAX_DISTINCT = 1024;

    /** The first use of a notable operator and how often it occurs. */
    public record Use(String domain, String op, String firstNode, String scope, long count) {

        /** "node 'x' in scope and n more node(s)". */
        public String where() {
            String node = firstNode.isEmpty() ? "an unnamed node" : "node '" + firstNode + "'";
            return node + " in " + scope + (count > 1 ? " and " + (count - 1) + " more node(s)" : "");
        }
    }

    private final Map<String, Long> counts = new TreeMap<>();
    private final Map<String, Use> notable = new LinkedHashMap<>();
    private long total;
    private boolean countsTruncated;
    private boolean notableTruncated;

    /** Records one node; {@code key} names the operator in facts (domain-qualified where it matters). */
    public void add(String key, String domain, String op, String node, String scope, boolean isNotable) {
        total++;
        if (counts.containsKey(key) || counts.size() < MAX_DISTINCT) {
            counts.merge(key, 1L, Long::sum);
        } else {
            countsTruncated = true;
        }
        if (!isNotable) {
            return;
        }
        Use use = notable.get(key);
        if (use != null) {
            notable.put(key, new Use(domain, op, use.firstNode(), use.scope(), use.count() + 1));
        } else if (notable.size() < MAX_DISTINCT) {
            notable.put(key, new Use(domain, op, node, scope, 1));
        } else {
            notableTruncated = true;
        }
    }

    public long total() {
        return total;
    }

    public Map<String, Long> counts() {
        return Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    public boolean countsTruncated() {
        return countsTruncated;
    }

    public List<Use> notable() {
        return new ArrayList<>(notable.values());
    }

    /** True when notable operators beyond the bound were seen and not recorded: the result is incomplete. */
    public boolean notableTruncated() {
        return notableTruncated;
    }
}
