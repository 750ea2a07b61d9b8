package io.modelgate.scanner.ops;

import java.util.Collection;
import java.util.Map;

/**
 * Bounds what a hostile model can make a report hold: at most {@link OpTally#MAX_DISTINCT} distinct operators,
 * types or names per list, as for ONNX and TensorFlow graphs.
 */
public final class Distinct {

    private Distinct() {
    }

    /** Counts {@code key}; false (nothing recorded) when it is new and the map is full. */
    public static boolean count(Map<String, Long> counts, String key) {
        if (counts.containsKey(key) || counts.size() < OpTally.MAX_DISTINCT) {
            counts.merge(key, 1L, Long::sum);
            return true;
        }
        return false;
    }

    /** Adds {@code value}; false (nothing recorded) when it is new and the collection is full. */
    public static boolean add(Collection<String> values, String value) {
        if (values.contains(value)) {
            return true;
        }
        if (values.size() >= OpTally.MAX_DISTINCT) {
            return false;
        }
        values.add(value);
        return true;
    }
}
