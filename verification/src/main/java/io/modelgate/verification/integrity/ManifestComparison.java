package io.modelgate.verification.integrity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An expected manifest (lock file, signed resource list) compared with the folder on disk: which
 * names match, which changed, which were added or removed.
 */
public record ManifestComparison(List<String> matched, List<Difference> differences) {

    public enum Kind { CHANGED, ADDED, REMOVED, KIND_CHANGED }

    /**
     * @param renamedFrom for an added file, the removed name with the same content (a rename), else null
     */
    public record Difference(Kind kind, String name, Fingerprint expected, Fingerprint actual, String renamedFrom) {
    }

    public static ManifestComparison compare(Map<String, Fingerprint> expected, Map<String, Fingerprint> actual) {
        List<String> matched = new ArrayList<>();
        List<Difference> differences = new ArrayList<>();
        Map<String, String> removedByDigest = new HashMap<>();
        for (Map.Entry<String, Fingerprint> e : new TreeMap<>(expected).entrySet()) {
            Fingerprint found = actual.get(e.getKey());
            if (found == null) {
                differences.add(new Difference(Kind.REMOVED, e.getKey(), e.getValue(), null, null));
                if (!e.getValue().isLink()) {
                    removedByDigest.put(e.getValue().sha256().toLowerCase(java.util.Locale.ROOT), e.getKey());
                }
            } else if (found.matches(e.getValue())) {
                matched.add(e.getKey());
            } else {
                Kind kind = found.isLink() != e.getValue().isLink() || found.isLink() ? Kind.KIND_CHANGED : Kind.CHANGED;
                differences.add(new Difference(kind, e.getKey(), e.getValue(), found, null));
            }
        }
        for (Map.Entry<String, Fingerprint> a : new TreeMap<>(actual).entrySet()) {
            if (!expected.containsKey(a.getKey())) {
                String from = a.getValue().isLink() ? null
                        : removedByDigest.get(a.getValue().sha256().toLowerCase(java.util.Locale.ROOT));
                differences.add(new Difference(Kind.ADDED, a.getKey(), null, a.getValue(), from));
            }
        }
        return new ManifestComparison(List.copyOf(matched), List.copyOf(differences));
    }

    public boolean identical() {
        return differences.isEmpty();
    }

    public List<String> names(Kind kind) {
        return differences.stream().filter(d -> d.kind() == kind).map(Difference::name).toList();
    }
}
