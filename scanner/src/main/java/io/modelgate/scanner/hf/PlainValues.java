package io.modelgate.scanner.hf;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies a parsed JSON or YAML tree into plain Java values with bounds on depth, entries and string length,
 * so a metadata document can be kept as a fact for the rest of the scan without its worst case.
 */
final class PlainValues {

    static final int MAX_DEPTH = 8;
    static final int MAX_ENTRIES = 4096;
    /** Chat templates are the longest strings provenance reads; real ones stay well below this. */
    static final int MAX_STRING = 256 * 1024;

    private PlainValues() {
    }

    /** The object's fields, bounded; empty when the node is not an object. */
    static Map<String, Object> object(JsonNode node) {
        Object value = value(node, 0);
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) map;
            return fields;
        }
        return Map.of();
    }

    private static Object value(JsonNode node, int depth) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            String s = node.asText();
            return s.length() > MAX_STRING ? s.substring(0, MAX_STRING) : s;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.asText();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (depth >= MAX_DEPTH) {
            return null;
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            for (JsonNode item : node) {
                if (items.size() >= MAX_ENTRIES) {
                    break;
                }
                Object v = value(item, depth + 1);
                if (v != null) {
                    items.add(v);
                }
            }
            return items;
        }
        if (node.isObject()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (fields.size() >= MAX_ENTRIES) {
                    break;
                }
                Object v = value(e.getValue(), depth + 1);
                if (v != null) {
                    fields.put(e.getKey(), v);
                }
            }
            return fields;
        }
        return null;
    }
}
