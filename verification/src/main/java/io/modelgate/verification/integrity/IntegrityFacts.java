package io.modelgate.verification.integrity;

import io.modelgate.scanner.folder.FolderContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the folder's {@code integrity} fact: which checks ran ({@code checks}) and every file whose
 * digest matched an expected value ({@code matched}: file, sha256, source). Several analysers add to it.
 */
public final class IntegrityFacts {

    public static final String KEY = "integrity";

    private IntegrityFacts() {
    }

    public static void check(FolderContext context, Map<String, Object> check) {
        append(context, "checks", check);
    }

    public static void matched(FolderContext context, String file, String sha256, String source) {
        Map<String, Object> match = new LinkedHashMap<>();
        match.put("file", file);
        match.put("sha256", sha256);
        match.put("source", source);
        append(context, "matched", match);
    }

    @SuppressWarnings("unchecked")
    private static void append(FolderContext context, String list, Map<String, Object> item) {
        Map<String, Object> integrity = new LinkedHashMap<>();
        Object existing = context.facts().get(KEY);
        if (existing instanceof Map<?, ?> map) {
            integrity.putAll((Map<String, Object>) map);
        }
        List<Object> items = new ArrayList<>();
        if (integrity.get(list) instanceof List<?> old) {
            items.addAll(old);
        }
        items.add(item);
        integrity.put(list, items);
        context.fact(KEY, integrity);
    }
}
