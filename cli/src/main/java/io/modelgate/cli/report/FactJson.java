package io.modelgate.cli.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A file's fact values in the JSON report, written as Jackson's data binding writes them (map entries by key,
 * a sorted map in its own order). Plain values (text, numbers, booleans, and maps with text keys and lists of
 * them) are written directly: setting up the data binding cost a small scan with a JSON report about a third
 * of its time. Anything else goes through the data binding, built the first time it is needed.
 */
final class FactJson {

    private FactJson() {
    }

    /** Built on first use: most reports hold plain facts only. */
    private static final class Binding {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }

    static void write(JsonGenerator json, Object value) throws IOException {
        if (plain(value)) {
            writePlain(json, value);
        } else {
            Binding.MAPPER.writeValue(json, value);
        }
    }

    /** Whether the value is made only of what {@link #writePlain} writes as the data binding does. */
    static boolean plain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Double || value instanceof Float
                || value instanceof BigInteger) {
            return true;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String) || !plain(entry.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof Collection<?> items) {
            for (Object item : items) {
                if (!plain(item)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static void writePlain(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else if (value instanceof Integer number) {
            json.writeNumber(number);
        } else if (value instanceof Long number) {
            json.writeNumber(number);
        } else if (value instanceof Double number) {
            json.writeNumber(number);
        } else if (value instanceof Float number) {
            json.writeNumber(number);
        } else if (value instanceof BigInteger number) {
            json.writeNumber(number);
        } else if (value instanceof Map<?, ?> map) {
            // ORDER_MAP_ENTRIES_BY_KEYS: a sorted map keeps its order, any other is sorted by key
            Map<?, ?> ordered = map instanceof SortedMap ? map : new TreeMap<>(map);
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : ordered.entrySet()) {
                json.writeFieldName((String) entry.getKey());
                writePlain(json, entry.getValue());
            }
            json.writeEndObject();
        } else {
            json.writeStartArray();
            for (Object item : (Collection<?>) value) {
                writePlain(json, item);
            }
            json.writeEndArray();
        }
    }
}
