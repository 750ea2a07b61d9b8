package io.modelgate.rules.provenance;

import io.modelgate.scanner.model.FileResult;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what the format readers recorded in {@link FileResult#facts()}: tensor layouts and metadata of
 * safetensors and GGUF files. Values are loosely typed; anything of an unexpected shape is ignored.
 */
final class FormatFacts {

    static final String SAFETENSORS_SHAPES = "safetensors.tensorShapes";
    static final String SAFETENSORS_METADATA = "safetensors.metadata";
    static final String GGUF_METADATA = "gguf.metadata";
    static final String GGUF_SHAPES = "gguf.tensorShapes";
    private static final String GGUF_PREFIX = "gguf.";

    private FormatFacts() {
    }

    /** Tensor names and shapes of all weight files of the unit (shards merged), up to {@code max} tensors. */
    static TensorLayout tensors(List<FileResult> files, int max) {
        Map<String, List<Long>> shapes = new LinkedHashMap<>();
        String source = null;
        for (FileResult file : files) {
            Object fact = file.facts().getOrDefault(SAFETENSORS_SHAPES, file.facts().get(GGUF_SHAPES));
            if (!(fact instanceof Map<?, ?> map) || map.isEmpty()) {
                continue;
            }
            source = source == null ? file.path() : source;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (shapes.size() >= max) {
                    break;
                }
                List<Long> shape = longs(e.getValue());
                if (shape != null) {
                    shapes.putIfAbsent(String.valueOf(e.getKey()), shape);
                }
            }
        }
        return source == null ? TensorLayout.none() : new TensorLayout(source, shapes);
    }

    /** safetensors __metadata__ of the first weight file that has any. */
    static Doc weightsMetadata(List<FileResult> files) {
        for (FileResult file : files) {
            if (file.facts().get(SAFETENSORS_METADATA) instanceof Map<?, ?> map && !map.isEmpty()) {
                return new Doc(file.path(), JsonMaps.stringKeyed(map));
            }
        }
        return Doc.absent();
    }

    /**
     * GGUF key/values: a {@code gguf.metadata} map when the reader records one, else every {@code gguf.<key>}
     * fact with the prefix removed.
     */
    static Doc gguf(FileResult file) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (file.facts().get(GGUF_METADATA) instanceof Map<?, ?> map) {
            data.putAll(JsonMaps.stringKeyed(map));
        }
        file.facts().forEach((key, value) -> {
            if (key.startsWith(GGUF_PREFIX) && !key.equals(GGUF_METADATA) && !key.equals(GGUF_SHAPES)) {
                data.putIfAbsent(key.substring(GGUF_PREFIX.length()), value);
            }
        });
        return new Doc(file.path(), data);
    }

    private static List<Long> longs(Object value) {
        if (!(value instanceof List<?> list) || list.size() > 8) {
            return null;
        }
        List<Long> out = new java.util.ArrayList<>(list.size());
        for (Object item : list) {
            if (!(item instanceof Number n)) {
                return null;
            }
            out.add(n.longValue());
        }
        return out;
    }
}
