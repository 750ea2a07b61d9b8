package io.modelgate.scanner.keras;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelgate.scanner.io.LimitExceededException;

import java.io.IOException;

/** Bounded JSON parsing for Keras configs: size, nesting and string lengths are capped before parsing. */
final class KerasJson {

    /** Real configs are kilobytes to a few megabytes; the parsed tree costs several times the text. */
    static final int MAX_CONFIG_BYTES = 16 * 1024 * 1024;
    static final int MAX_NESTING = 256;

    /**
     * Strict: a duplicated key (which Python resolves to the last value) fails the parse, closed. Built on first
     * use: detection alone needs only the factory.
     */
    private static final class Mapper {
        static final ObjectMapper MAPPER = new ObjectMapper(builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build());
    }

    /** Lenient, for detection only: whatever Python's json module accepts must still be recognised. */
    private static final JsonFactory DETECTION = builder().build();

    private static JsonFactoryBuilder builder() {
        return (JsonFactoryBuilder) JsonFactory.builder()
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxStringLength(MAX_CONFIG_BYTES)
                        .maxNameLength(64 * 1024)
                        .maxNumberLength(100)
                        .build());
    }

    private KerasJson() {
    }

    static JsonFactory detectionFactory() {
        return DETECTION;
    }

    static JsonNode parse(byte[] json, String what) throws IOException {
        if (json.length > MAX_CONFIG_BYTES) {
            throw new LimitExceededException(what + " of " + json.length + " bytes is larger than the "
                    + MAX_CONFIG_BYTES + " bytes read");
        }
        return Mapper.MAPPER.readTree(json);
    }
}
