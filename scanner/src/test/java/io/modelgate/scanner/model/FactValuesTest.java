package io.modelgate.scanner.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Facts iterate in one order every run, whatever map or set an analyser filled them into. */
class FactValuesTest {

    private static Map<String, Object> hashOrdered(int keys) {
        Map<String, Object> map = new java.util.HashMap<>();
        for (int i = 0; i < keys; i++) {
            map.put("key" + (keys - i), i);
        }
        return Map.copyOf(map);
    }

    @Test
    void unorderedMapsAndSetsAreSortedAtEveryLevel() {
        Map<String, Object> nested = hashOrdered(40);
        Set<String> tags = new HashSet<>(List.of("zeta", "alpha", "mu", "beta", "omega", "kappa"));
        FileResult result = new FileResult("f", "zip", Set.of("pickle", "npy", "json", "gguf"), 1, null,
                FileStatus.CLEAN, List.of(), List.of(), Map.of("b", nested, "a", tags, "c", 1));

        assertThat(result.facts().keySet()).containsExactly("a", "b", "c");
        @SuppressWarnings("unchecked")
        Map<String, Object> inner = (Map<String, Object>) result.facts().get("b");
        List<String> keys = new ArrayList<>(inner.keySet());
        assertThat(keys).isSortedAccordingTo(String::compareTo).hasSize(40);
        assertThat(new ArrayList<Object>((Set<?>) result.facts().get("a"))).containsExactly("alpha", "beta", "kappa", "mu", "omega", "zeta");
        assertThat(result.innerFormats()).containsExactly("gguf", "json", "npy", "pickle");
    }

    @Test
    void folderReasonsAreListedInPathOrder() {
        Map<String, List<String>> reasons = new java.util.HashMap<>();
        for (String name : List.of("zeta", "alpha", "mu", "beta", "omega", "kappa")) {
            reasons.put("dir/" + name, List.of("unreadable"));
        }
        FolderResult folder = new FolderResult("dir", List.of(), List.of(), reasons);

        assertThat(new ArrayList<>(folder.incomplete().keySet())).isSortedAccordingTo(String::compareTo).hasSize(6);
    }
}
