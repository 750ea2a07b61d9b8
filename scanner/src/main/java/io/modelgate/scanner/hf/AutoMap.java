package io.modelgate.scanner.hf;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code auto_map} of a config: Auto class name to {@code module.Class} references (a string,
 * or a list for tokenizers: slow and fast class, entries may be null), optionally prefixed with
 * {@code owner/repo--} when the code lives in another repository.
 *
 * @param entries    every reference as written
 * @param modules    local module names (file {@code <module>.py}) referenced
 * @param external   references to other repositories
 */
record AutoMap(List<String> entries, Set<String> modules, Set<String> external) {

    static final int MAX_ENTRIES = 256;

    static AutoMap of(JsonNode autoMap) {
        List<String> entries = new ArrayList<>();
        Set<String> modules = new LinkedHashSet<>();
        Set<String> external = new LinkedHashSet<>();
        if (autoMap == null || !autoMap.isObject()) {
            return new AutoMap(entries, modules, external);
        }
        for (Map.Entry<String, JsonNode> field : autoMap.properties()) {
            JsonNode value = field.getValue();
            List<JsonNode> refs = new ArrayList<>();
            if (value.isArray()) {
                value.forEach(refs::add);
            } else {
                refs.add(value);
            }
            for (JsonNode ref : refs) {
                if (!ref.isTextual() || entries.size() >= MAX_ENTRIES) {
                    continue;
                }
                String text = ref.asText();
                entries.add(field.getKey() + "=" + text);
                int repoSplit = text.indexOf("--");
                String local = repoSplit >= 0 ? text.substring(repoSplit + 2) : text;
                int dot = local.lastIndexOf('.');
                String module = dot > 0 ? local.substring(0, dot) : local;
                if (repoSplit >= 0) {
                    external.add(text.substring(0, repoSplit) + "/" + module);
                } else {
                    modules.add(module);
                }
            }
        }
        return new AutoMap(entries, modules, external);
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }
}
