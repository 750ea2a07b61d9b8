package io.modelgate.provenance.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what the format readers recorded as an artifact's facts: tensor layouts and metadata of
 * safetensors and GGUF files (never the weights themselves). Values are loosely typed; anything of an
 * unexpected shape is ignored.
 */
final class FormatFacts {

    static final String SAFETENSORS_SHAPES = "safetensors.tensorShapes";
    static final String SAFETENSORS_METADATA = "safetensors.metadata";
    static final String GGUF_SHAPES = "gguf.tensorShapes";
    /** Pseudo metadata key for the number of tokens in tokenizer.ggml.tokens (the vocabulary size). */
    static final String TOKEN_COUNT = "tokenizer.ggml.tokens.count";

    private FormatFacts() {
    }

    /** Tensor names and shapes of all weight files of the unit (shards merged), up to {@code max} tensors. */
    static TensorLayout tensors(List<Artifact> files, int max) {
        Map<String, List<Long>> shapes = new LinkedHashMap<>();
        String source = null;
        for (Artifact file : files) {
            Object fact = file.facts().getOrDefault(SAFETENSORS_SHAPES, file.facts().get(GGUF_SHAPES));
            if (!(fact instanceof Map<?, ?> map) || map.isEmpty()) {
                continue;
            }
            source = source == null ? file.display() : source;
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
    static Doc weightsMetadata(List<Artifact> files) {
        for (Artifact file : files) {
            if (file.facts().get(SAFETENSORS_METADATA) instanceof Map<?, ?> map && !map.isEmpty()) {
                return new Doc(file.display(), JsonMaps.stringKeyed(map));
            }
        }
        return Doc.absent();
    }

    /**
     * GGUF metadata keys by the fact name the GGUF reader records them under. The reader keeps identity,
     * license, tokenizer and template keys (bounded); the engine reads them back under their GGUF names.
     */
    static final Map<String, String> GGUF_KEYS = Map.ofEntries(
            Map.entry("gguf.architecture", "general.architecture"),
            Map.entry("gguf.name", "general.name"),
            Map.entry("gguf.basename", "general.basename"),
            Map.entry("gguf.finetune", "general.finetune"),
            Map.entry("gguf.organization", "general.organization"),
            Map.entry("gguf.author", "general.author"),
            Map.entry("gguf.sizeLabel", "general.size_label"),
            Map.entry("gguf.license", "general.license"),
            Map.entry("gguf.licenseName", "general.license.name"),
            Map.entry("gguf.licenseLink", "general.license.link"),
            Map.entry("gguf.repoUrl", "general.repo_url"),
            Map.entry("gguf.tokenizer.model", "tokenizer.ggml.model"),
            Map.entry("gguf.tokenizer.pre", "tokenizer.ggml.pre"),
            Map.entry("gguf.tokenizer.tokenCount", TOKEN_COUNT),
            Map.entry("gguf.chatTemplate", "tokenizer.chat_template"));
    static final String GGUF_BASE_MODELS = "gguf.baseModels";

    /** GGUF metadata of a file, rebuilt from the reader's facts. */
    static Doc gguf(Artifact file) {
        Map<String, Object> data = new LinkedHashMap<>();
        GGUF_KEYS.forEach((fact, key) -> {
            Object value = file.facts().get(fact);
            if (value != null) {
                data.put(key, value);
            }
        });
        if (file.facts().get(GGUF_BASE_MODELS) instanceof List<?> bases) {
            int index = 0;
            for (Object base : bases) {
                if (base instanceof Map<?, ?> fields) {
                    for (Map.Entry<?, ?> field : fields.entrySet()) {
                        data.put("general.base_model." + index + "." + field.getKey(), field.getValue());
                    }
                }
                index++;
            }
        }
        return new Doc(file.display(), data);
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
