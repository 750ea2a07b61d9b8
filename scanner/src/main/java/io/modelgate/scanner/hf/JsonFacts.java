package io.modelgate.scanner.hf;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelgate.scanner.analysis.AnalysisContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Copies selected JSON values into facts as plain, bounded Java values. */
final class JsonFacts {

    static final int MAX_TEXT = 1024;
    static final int MAX_ITEMS = 512;

    private JsonFacts() {
    }

    /** Records the value at each dotted {@code path} of {@code root} as fact {@code prefix.path}. */
    static void record(AnalysisContext context, String prefix, JsonNode root, List<String> paths) {
        for (String path : paths) {
            at(root, path).flatMap(JsonFacts::value).ifPresent(v -> context.fact(prefix + "." + path, v));
        }
    }

    static Optional<JsonNode> at(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            node = node == null || !node.isObject() ? null : node.get(part);
        }
        return node == null || node.isNull() || node.isMissingNode() ? Optional.empty() : Optional.of(node);
    }

    /**
     * A scalar, a token ({@code {"content": "<s>", ...}} gives its content) or a list of those;
     * other objects have no fact value.
     */
    static Optional<Object> value(JsonNode node) {
        if (node.isTextual()) {
            return Optional.of(text(node.asText()));
        } else if (node.isBoolean()) {
            return Optional.of(node.booleanValue());
        } else if (node.isIntegralNumber()) {
            return Optional.of(node.canConvertToLong() ? (Object) node.longValue() : node.asText());
        } else if (node.isNumber()) {
            return Optional.of(node.doubleValue());
        } else if (node.isObject() && node.path("content").isTextual()) {
            return Optional.of(text(node.get("content").asText()));
        } else if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            for (JsonNode item : node) {
                if (items.size() >= MAX_ITEMS) {
                    break;
                }
                value(item).filter(v -> !(v instanceof List)).ifPresent(items::add);
            }
            return Optional.of(items);
        }
        return Optional.empty();
    }

    /** The token strings of {@code added_tokens_decoder} (id to token object), bounded. */
    static List<String> tokenContents(JsonNode decoder) {
        List<String> tokens = new ArrayList<>();
        if (decoder == null || !decoder.isObject()) {
            return tokens;
        }
        for (Map.Entry<String, JsonNode> entry : decoder.properties()) {
            if (tokens.size() >= MAX_ITEMS) {
                break;
            }
            JsonNode content = entry.getValue().path("content");
            if (content.isTextual()) {
                tokens.add(text(content.asText()));
            }
        }
        return tokens;
    }

    static String text(String s) {
        return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) + "..." : s;
    }
}
