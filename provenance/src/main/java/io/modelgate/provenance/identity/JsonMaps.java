package io.modelgate.provenance.identity;

import java.util.LinkedHashMap;
import java.util.Map;

/** Helpers for the loosely typed maps that JSON and YAML parse into. */
final class JsonMaps {

    private JsonMaps() {
    }

    static Map<String, Object> stringKeyed(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
