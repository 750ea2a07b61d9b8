package io.modelgate.scanner.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OmegaConf interpolations in a target: {@code ${model.encoder_cls}} refers to another key of the same document and
 * is followed; anything else (resolvers such as {@code ${oc.env:X}}, relative references, text around the
 * reference) is decided at load time and cannot be judged.
 */
final class Interpolations {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_-]*(?:\\.[A-Za-z0-9_-]+)*)}");
    private static final int MAX_HOPS = 8;

    private Interpolations() {
    }

    static boolean present(String value) {
        return value.contains("${");
    }

    /** The value with its reference followed, or empty when it cannot be resolved from the document. */
    static Optional<String> resolve(String value, JsonNode root) {
        String current = value.strip();
        for (int hop = 0; hop < MAX_HOPS && present(current); hop++) {
            Matcher m = REFERENCE.matcher(current);
            if (!m.matches() || root == null) {
                return Optional.empty();
            }
            JsonNode node = root;
            for (String key : m.group(1).split("\\.")) {
                node = node.isObject() ? node.get(key)
                        : node.isArray() && key.chars().allMatch(Character::isDigit) && key.length() < 7
                        ? node.get(Integer.parseInt(key)) : null;
                if (node == null) {
                    return Optional.empty();
                }
            }
            if (!node.isTextual()) {
                return Optional.empty();
            }
            current = node.asText().strip();
        }
        return present(current) ? Optional.empty() : Optional.of(current);
    }
}
