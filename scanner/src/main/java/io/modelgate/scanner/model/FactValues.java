package io.modelgate.scanner.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * Gives fact values one order every run: maps and sets whose order is their hash order ({@code Map.of},
 * {@code HashSet}, whose order changes from one run of the JVM to the next) are sorted, ordered ones keep their
 * order, and the result cannot be modified. Reports built from facts are then identical run to run.
 */
public final class FactValues {

    private static final Comparator<Object> BY_TEXT = Comparator.comparing(String::valueOf);

    private FactValues() {
    }

    /** An unmodifiable copy of a fact map in a stable order, its values made stable too. */
    public static Map<String, Object> canonicalMap(Map<String, ?> facts) {
        if (facts.isEmpty()) {
            return Collections.emptyMap(); // shared, and unlike Map.of() it answers a null key
        }
        Map<String, Object> out = ordered(facts) ? new LinkedHashMap<>() : new TreeMap<>();
        facts.forEach((key, value) -> out.put(key, canonical(value)));
        // Every file result holds its facts until the scan ends: the few facts most files have, compactly.
        return out.size() <= SmallFactMap.MAX_SIZE ? new SmallFactMap(out) : Collections.unmodifiableMap(out);
    }

    /** An unmodifiable copy of a set in a stable order: its own when it has one, sorted otherwise. */
    public static Set<String> canonicalSet(Set<String> values) {
        if (values.isEmpty()) {
            return Collections.emptySet();
        }
        Set<String> out = ordered(values) ? new LinkedHashSet<>(values) : new java.util.TreeSet<>(values);
        return Collections.unmodifiableSet(out);
    }

    private static Object canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = ordered(map) ? new LinkedHashMap<>() : new TreeMap<>(BY_TEXT);
            map.forEach((k, v) -> out.put(k, canonical(v)));
            return Collections.unmodifiableMap(out);
        }
        if (value instanceof Set<?> set) {
            List<Object> items = new ArrayList<>(set.size());
            set.forEach(v -> items.add(canonical(v)));
            if (!ordered(set)) {
                items.sort(BY_TEXT);
            }
            return Collections.unmodifiableSet(new LinkedHashSet<>(items));
        }
        if (value instanceof Collection<?> list) {
            if (list.isEmpty()) {
                return Collections.emptyList();
            }
            List<Object> items = new ArrayList<>(list.size());
            list.forEach(v -> items.add(canonical(v)));
            return Collections.unmodifiableList(items);
        }
        return value;
    }

    private static boolean ordered(Map<?, ?> map) {
        return map instanceof SortedMap || map instanceof LinkedHashMap;
    }

    private static boolean ordered(Set<?> set) {
        return set instanceof SortedSet || set instanceof LinkedHashSet;
    }
}
