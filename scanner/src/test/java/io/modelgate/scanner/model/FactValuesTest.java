package io.modelgate.scanner.model;

import io.modelgate.testkit.Gen;
import io.modelgate.testkit.RandomCases;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    /** The compact map of a few facts behaves as the wrapped linked hash map it replaces. */
    @Test
    void fewFactsBehaveAsALinkedMap() {
        RandomCases.check(2000, FactValuesTest::facts, facts -> {
            Map<String, Object> canonical = FactValues.canonicalMap(facts);
            Map<String, Object> expected = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
            assertThat(new ArrayList<>(canonical.entrySet())).isEqualTo(new ArrayList<>(expected.entrySet()));
            assertThat(new ArrayList<>(canonical.keySet())).isEqualTo(new ArrayList<>(expected.keySet()));
            assertThat(new ArrayList<>(canonical.values())).isEqualTo(new ArrayList<>(expected.values()));
            assertThat(canonical).isEqualTo(expected);
            assertThat(expected).isEqualTo(canonical);
            assertThat(canonical.hashCode()).isEqualTo(expected.hashCode());
            assertThat(canonical.toString()).isEqualTo(expected.toString());
            assertThat(canonical.size()).isEqualTo(expected.size());
            for (String key : List.of("k0", "k3", "k7", "other")) {
                assertThat(canonical.get(key)).isEqualTo(expected.get(key));
                assertThat(canonical.containsKey(key)).isEqualTo(expected.containsKey(key));
            }
            assertThat(canonical.get(null)).isNull();
            assertThat(canonical.containsKey(null)).isFalse();
            assertThatThrownBy(() -> canonical.put("new", 1)).isInstanceOf(UnsupportedOperationException.class);
            if (!canonical.isEmpty()) {
                assertThatThrownBy(() -> {
                    var entries = canonical.entrySet().iterator();
                    entries.next();
                    entries.remove();
                }).isInstanceOf(UnsupportedOperationException.class);
                assertThatThrownBy(() -> canonical.entrySet().iterator().next().setValue(1))
                        .isInstanceOf(UnsupportedOperationException.class);
            }
            // canonical again (a result copied into another), the order is as it always was for a copy
            assertThat(new ArrayList<>(FactValues.canonicalMap(canonical).keySet()))
                    .isEqualTo(new ArrayList<>(FactValues.canonicalMap(expected).keySet()));
        });
    }

    /** Up to ten facts in insertion order: numbers, text, nulls and empty or short lists. */
    private static LinkedHashMap<String, Object> facts(Gen gen) {
        LinkedHashMap<String, Object> facts = new LinkedHashMap<>();
        int size = gen.intBetween(0, 10);
        for (int i = 0; i < size; i++) {
            Object value = gen.oneOf(() -> gen.intBetween(-5, 5), () -> gen.string(6), () -> null, List::of,
                    () -> List.of(gen.string(3), gen.string(3)));
            facts.put("k" + gen.index(12), value);
        }
        return facts;
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
