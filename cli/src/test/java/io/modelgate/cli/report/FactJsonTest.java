package io.modelgate.cli.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.modelgate.testkit.Gen;
import io.modelgate.testkit.RandomCases;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Fact values written directly come out byte for byte as the data binding the report used before writes them. */
class FactJsonTest {

    /** The report's former writer of fact values. */
    private static final ObjectMapper BINDING = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    @Test
    void plainValuesAreWrittenAsTheDataBindingWritesThem() {
        RandomCases.check(3_000, gen -> value(gen, 3), value -> {
            assertThat(FactJson.plain(value)).isTrue();
            assertThat(written(value, false)).isEqualTo(written(value, true));
        });
    }

    @Test
    void otherValuesGoThroughTheDataBinding() throws Exception {
        record Shape(String name, List<Integer> dims) {
        }
        Map<String, Object> mixed = new LinkedHashMap<>();
        mixed.put("z", new Shape("w", List.of(2, 3)));
        mixed.put("a", (short) 7);
        for (Object value : List.<Object>of(new Shape("w", List.of(1)), mixed, Map.of(1, "one"), (byte) 3,
                new java.math.BigDecimal("1.50"))) {
            assertThat(FactJson.plain(value)).as(String.valueOf(value)).isFalse();
            assertThat(written(value, false)).isEqualTo(written(value, true));
        }
    }

    private static String written(Object value, boolean binding) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeObjectFieldStart("facts");
            json.writeFieldName("fact");
            if (binding) {
                BINDING.writeValue(json, value);
            } else {
                FactJson.write(json, value);
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toString();
    }

    /** Text, numbers, booleans, nulls, and maps (ordered, sorted or hashed) and lists of them. */
    private static Object value(Gen gen, int depth) {
        int kind = gen.intBetween(0, depth > 0 ? 11 : 8);
        return switch (kind) {
            case 0 -> null;
            case 1 -> gen.string(12);
            case 2 -> gen.bool();
            case 3 -> gen.intBetween(Integer.MIN_VALUE, Integer.MAX_VALUE);
            case 4 -> gen.anyLong();
            case 5 -> gen.of(Double.NaN, Double.POSITIVE_INFINITY, -0.0, 1e-300, 0.1, 123456789.125,
                    gen.doubleBetween(-1e6, 1e6));
            case 6 -> (float) gen.doubleBetween(-1e3, 1e3);
            case 7 -> new BigInteger(gen.intBetween(1, 100), new java.util.Random(gen.anyLong()));
            case 8 -> gen.string(3, "ab");
            case 9 -> gen.list(4, () -> value(gen, depth - 1));
            case 10 -> new LinkedHashSet<>(gen.list(4, () -> value(gen, depth - 1)));
            default -> map(gen, depth);
        };
    }

    private static Map<String, Object> map(Gen gen, int depth) {
        Map<String, Object> map = gen.of(0, 1, 2) == 0 ? new LinkedHashMap<>()
                : gen.bool() ? new TreeMap<>(Collections.reverseOrder()) : new HashMap<>();
        for (String key : gen.list(5, () -> gen.string(6))) {
            map.put(key, value(gen, depth - 1));
        }
        return map instanceof HashMap<?, ?> && gen.bool() ? Collections.unmodifiableMap(map) : map;
    }
}
