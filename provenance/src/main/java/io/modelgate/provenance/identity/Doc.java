package io.modelgate.provenance.identity;

import java.util.Map;

/**
 * A parsed metadata document of a unit (config.json, a card's front matter, GGUF key/values, …).
 *
 * @param source the file it came from, as shown in reports; null when absent
 * @param data   its content; empty when absent
 */
public record Doc(String source, Map<String, Object> data) {

    private static final Doc ABSENT = new Doc(null, Map.of());

    public Doc {
        data = data == null ? Map.of() : data;
    }

    public static Doc absent() {
        return ABSENT;
    }

    public boolean present() {
        return source != null;
    }

    public Object get(String key) {
        return data.get(key);
    }

    /** A string value, or null when missing or not a string. */
    public String text(String key) {
        Object value = data.get(key);
        return value instanceof String s ? s : null;
    }

    /** {@code file#/pointer} for evidence. */
    public String at(String pointer) {
        return source + "#/" + pointer;
    }
}
