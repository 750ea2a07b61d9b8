package io.modelgate.provenance.identity;

import java.util.List;
import java.util.Map;

/**
 * Tensor names and shapes of a unit's weights, as the format readers recorded them.
 *
 * @param source the weights file (the first one when shards are merged)
 * @param shapes tensor name to shape, in the order of the file
 */
public record TensorLayout(String source, Map<String, List<Long>> shapes) {

    private static final TensorLayout NONE = new TensorLayout(null, Map.of());

    public TensorLayout {
        shapes = shapes == null ? Map.of() : shapes;
    }

    public static TensorLayout none() {
        return NONE;
    }
}
