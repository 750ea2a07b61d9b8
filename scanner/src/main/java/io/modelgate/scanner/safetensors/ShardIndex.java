package io.modelgate.scanner.safetensors;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.modelgate.scanner.io.LimitExceededException;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A sharded-checkpoint index ({@code model.safetensors.index.json}, {@code pytorch_model.bin.index.json}):
 * the declared total tensor bytes and the tensor → shard file map (formats reference §2.2).
 *
 * @param totalSize {@code metadata.total_size}, when present
 * @param weightMap tensor name → shard file name, in file order
 */
record ShardIndex(OptionalLong totalSize, Map<String, String> weightMap) {

    static final int MAX_ENTRIES = 2_000_000;
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(1 << 20).build())
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .build();

    /** Parses an index; throws {@link MalformedSafetensorsException} for JSON that is not an index. */
    static ShardIndex read(InputStream in) throws IOException {
        OptionalLong total = OptionalLong.empty();
        Map<String, String> map = null;
        try (JsonParser p = JSON.createParser(in)) {
            expect(p.nextToken() == JsonToken.START_OBJECT, "index is not a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("metadata") && value == JsonToken.START_OBJECT) {
                    total = readTotalSize(p);
                } else if (field.equals("weight_map")) {
                    expect(value == JsonToken.START_OBJECT, "weight_map is not an object");
                    map = readWeightMap(p);
                } else {
                    p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw new MalformedSafetensorsException("invalid index JSON: " + e.getOriginalMessage());
        }
        expect(map != null, "index has no weight_map");
        return new ShardIndex(total, map);
    }

    private static OptionalLong readTotalSize(JsonParser p) throws IOException {
        OptionalLong total = OptionalLong.empty();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken value = p.nextToken();
            if (key.equals("total_size")) {
                boolean integral = value == JsonToken.VALUE_NUMBER_INT
                        || (value == JsonToken.VALUE_NUMBER_FLOAT && p.getDoubleValue() == Math.rint(p.getDoubleValue()));
                expect(integral && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER,
                        "metadata.total_size is not an integer");
                total = OptionalLong.of(value == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : (long) p.getDoubleValue());
            } else {
                p.skipChildren();
            }
        }
        return total;
    }

    private static Map<String, String> readWeightMap(JsonParser p) throws IOException {
        Map<String, String> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String tensor = p.currentName();
            expect(p.nextToken() == JsonToken.VALUE_STRING, "weight_map entry '" + tensor + "' is not a file name");
            if (map.size() >= MAX_ENTRIES) {
                throw new LimitExceededException("weight_map has more than " + MAX_ENTRIES + " entries");
            }
            map.put(tensor, p.getText());
        }
        return map;
    }

    private static void expect(boolean condition, String message) throws MalformedSafetensorsException {
        if (!condition) {
            throw new MalformedSafetensorsException(message);
        }
    }

    /** A shard name a loader joins to the folder: a plain file name, never a path. */
    static boolean isPlainFileName(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0
                && name.indexOf('\\') < 0 && name.indexOf('\0') < 0 && name.indexOf(':') < 0;
    }
}
