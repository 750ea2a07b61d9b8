package io.modelgate.scanner.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/**
 * Small JSON documents held in other files or read as text (a sentence-transformers {@code modules.json}, a JSON
 * value of safetensors metadata): bounded depth and lengths, duplicate keys refused, names not interned.
 */
final class ConfigJson {

    static final int MAX_CHARS = 4 * 1024 * 1024;

    /** Built on first use: a scan without such documents never builds it. */
    private static final class Mapper {
        static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200)
                        .maxStringLength(MAX_CHARS).maxNumberLength(1000).maxNameLength(64 * 1024).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
                .build());
    }

    private ConfigJson() {
    }

    /** The document, or an IOException with a plain message when it is not one JSON value within bounds. */
    static JsonNode read(String text) throws IOException {
        if (text.length() > MAX_CHARS) {
            throw new io.modelgate.scanner.io.LimitExceededException("JSON longer than " + MAX_CHARS + " characters");
        }
        try {
            JsonNode node = Mapper.MAPPER.readTree(text);
            if (node == null) {
                throw new YamlSyntaxException("empty JSON document");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new YamlSyntaxException("malformed JSON: " + String.valueOf(e.getOriginalMessage())
                    .replaceAll("\\s+", " "));
        }
    }
}
