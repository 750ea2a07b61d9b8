package io.modelgate.sbom.diff;

import org.cyclonedx.model.Bom;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Compares two ModelGate BOMs of the same model(s): files changed, added and removed by hash; license,
 * identity, signature, lock and decision changes; new and resolved findings. Models are matched by name and
 * files by their path inside the model, so a model scanned from another folder compares equal.
 */
public final class BomDiff {

    private BomDiff() {
    }

    public static List<Drift> compare(Bom before, Bom after) {
        BomSnapshot old = BomSnapshot.of(before);
        BomSnapshot now = BomSnapshot.of(after);
        List<Drift> drifts = new ArrayList<>();
        for (String name : union(old.models(), now.models())) {
            BomSnapshot.ModelView a = old.models().get(name);
            BomSnapshot.ModelView b = now.models().get(name);
            if (a == null) {
                drifts.add(new Drift(DriftKind.MODEL_ADDED, name, name, null, b.path()));
            } else if (b == null) {
                drifts.add(new Drift(DriftKind.MODEL_REMOVED, name, name, a.path(), null));
            } else {
                files(name, a.files(), b.files(), drifts);
                value(DriftKind.LICENSE, name, "license", a.license(), b.license(), drifts);
                value(DriftKind.IDENTITY, name, "family / generation / publisher / country", a.identity(),
                        b.identity(), drifts);
                value(DriftKind.SIGNATURE, name, "signature status / method / signer", a.signature(),
                        b.signature(), drifts);
                value(DriftKind.LOCK, name, "lock", a.lock(), b.lock(), drifts);
            }
        }
        files(null, old.looseFiles(), now.looseFiles(), drifts);
        value(DriftKind.DECISION, null, "decision", old.decision(), now.decision(), drifts);
        for (String finding : union(old.findings(), now.findings())) {
            if (!old.findings().containsKey(finding)) {
                drifts.add(new Drift(DriftKind.FINDING_NEW, null, finding, null, now.findings().get(finding)));
            } else if (!now.findings().containsKey(finding)) {
                drifts.add(new Drift(DriftKind.FINDING_RESOLVED, null, finding, old.findings().get(finding), null));
            }
        }
        return List.copyOf(drifts);
    }

    private static void files(String model, Map<String, String> a, Map<String, String> b, List<Drift> drifts) {
        for (String file : union(a, b)) {
            String before = a.get(file);
            String after = b.get(file);
            if (!a.containsKey(file)) {
                drifts.add(new Drift(DriftKind.FILE_ADDED, model, file, null, after));
            } else if (!b.containsKey(file)) {
                drifts.add(new Drift(DriftKind.FILE_REMOVED, model, file, before, null));
            } else if (!Objects.equals(before, after)) {
                drifts.add(new Drift(DriftKind.FILE_CHANGED, model, file, before, after));
            }
        }
    }

    private static void value(DriftKind kind, String model, String subject, String a, String b, List<Drift> drifts) {
        if (!Objects.equals(a, b)) {
            drifts.add(new Drift(kind, model, subject, a, b));
        }
    }

    private static TreeSet<String> union(Map<String, ?> a, Map<String, ?> b) {
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }
}
