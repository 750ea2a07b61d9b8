package io.modelgate.scanner.ollama;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.io.LimitExceededException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an Ollama manifest: every digest (config and layers) must be {@code sha256:} and 64 lowercase hex
 * digits, since Ollama builds blob file names from them, and every layer a known Ollama media type. Facts: the
 * layer types and digests, so a reviewer can match them with the blobs.
 */
public final class OllamaManifestAnalyzer implements FormatAnalyzer {

    static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final long MAX_BYTES = 1L << 20;
    private static final int MAX_LAYERS = 1000;
    private static final Set<String> LAYER_TYPES = Set.of("model", "adapter", "projector", "prompt", "template",
            "system", "params", "messages", "license", "embed");

    /** Built on first use: a scan without Ollama manifests never builds it. */
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(1 << 16)
                        .build())
                .build());
    }

    @Override
    public Set<ModelFormat> formats() {
        return Set.of(ModelFormat.OLLAMA_MANIFEST);
    }

    @Override
    public void analyze(ByteSource source, AnalysisContext context) throws IOException {
        if (source.size() > MAX_BYTES) {
            throw new LimitExceededException("Ollama manifest of " + source.size() + " bytes is larger than "
                    + MAX_BYTES);
        }
        JsonNode manifest = Mapper.JSON.readTree(source.readFully(0, (int) source.size()));
        if (manifest == null || !manifest.isObject() || !manifest.path("layers").isArray()) {
            context.incomplete("the Ollama manifest has no layers array");
            return;
        }
        if (manifest.path("schemaVersion").asInt(-1) != 2) {
            context.incomplete("Ollama manifest schemaVersion " + manifest.path("schemaVersion") + " is not 2");
        }
        JsonNode config = manifest.path("config");
        if (config.isObject()) {
            digest(config.path("digest"), "config", context);
        }
        List<String> layers = new ArrayList<>();
        int index = 0;
        for (JsonNode layer : manifest.path("layers")) {
            if (index == MAX_LAYERS) {
                context.limitReached("more than " + MAX_LAYERS + " layers in the manifest");
                break;
            }
            String where = "layer " + index++;
            String type = layer.path("mediaType").asText("");
            digest(layer.path("digest"), where, context);
            String kind = type.startsWith("application/vnd.ollama.image.")
                    ? type.substring("application/vnd.ollama.image.".length()) : null;
            if (kind == null || !LAYER_TYPES.contains(kind)) {
                context.report(OllamaRules.UNKNOWN_LAYER, type, where + " has media type '" + type
                        + "', not an Ollama image layer type.");
            }
            layers.add((kind == null ? type : kind) + " " + layer.path("digest").asText(""));
        }
        context.fact("ollama.layers", layers);
    }

    private static void digest(JsonNode value, String where, AnalysisContext context) {
        String digest = value.isTextual() ? value.asText() : String.valueOf(value);
        if (DIGEST.matcher(digest).matches()) {
            return;
        }
        boolean path = digest.contains("/") || digest.contains("\\") || digest.contains("..");
        context.report(path ? OllamaRules.DIGEST_PATH : OllamaRules.BAD_DIGEST, shorten(digest), "The " + where
                + " digest '" + shorten(digest) + "' " + (path ? "holds path characters; Ollama would turn it into a "
                + "blob file name outside its store" : "is not sha256: and 64 lowercase hexadecimal digits") + ".");
    }

    private static String shorten(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }
}
