package io.modelgate.provenance.license;

import io.modelgate.provenance.kb.LicenseDef;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides a unit's license from what it declares and what its bases impose. The first recognised declaration
 * (card, then license text, then GGUF, then weights metadata) is the declared license; a derivative keeps the
 * obligations of every base whose terms bind derivatives, and a declaration that differs from such a base's
 * license is a conflict naming both.
 */
public final class LicenseAssessor {

    private static final List<String> RESTRICTIVENESS = List.of("false", "unknown", "conditional", "true");

    public LicenseAssessment assess(List<DeclaredLicense> declared, List<InheritedLicense> inherited, OwnFamily own) {
        List<LicenseIssue> issues = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        Map<String, DeclaredLicense> recognised = new LinkedHashMap<>();
        for (DeclaredLicense d : declared) {
            if (d.license() != null) {
                recognised.putIfAbsent(d.license().id(), d);
            }
        }
        if (recognised.size() > 1) {
            List<String> sides = recognised.values().stream()
                    .map(d -> d.source() + " names " + d.license().id()).toList();
            String text = String.join("; ", sides);
            conflicts.add(text);
            issues.add(new LicenseIssue(LicenseRules.DECLARATIONS_DISAGREE, String.join(" vs ", recognised.keySet()),
                    "The unit names more than one license: " + text + "."));
        }
        DeclaredLicense primary = recognised.isEmpty() ? null : recognised.values().iterator().next();
        List<InheritedLicense> binding = inherited.stream().filter(i -> i.license().bindsDerivatives()).toList();
        if (primary != null) {
            checkInheritance(primary, binding, issues, conflicts);
            checkOwnFamily(primary, own, issues, conflicts);
            return new LicenseAssessment(verdict(primary.license(), primary.source(), binding, conflicts), issues);
        }
        DeclaredLicense unrecognised = declared.isEmpty() ? null : declared.get(0);
        if (unrecognised != null) {
            issues.add(new LicenseIssue(LicenseRules.UNRECOGNISED, unrecognised.raw(),
                    "The license declared in " + unrecognised.source() + " ('" + unrecognised.raw()
                            + "') is not one ModelGate recognises, and no license text in the unit identifies it."));
            LicenseVerdict base = verdict(null, unrecognised.source(), binding, conflicts);
            return new LicenseAssessment(new LicenseVerdict("LicenseRef-unrecognised", unrecognised.raw(),
                    unrecognised.source(), restrictive("unknown", base.commercialUse()), base.obligations(),
                    base.conflicts()), issues);
        }
        return inferred(inherited, own, binding, issues, conflicts);
    }

    private static void checkInheritance(DeclaredLicense primary, List<InheritedLicense> binding,
                                         List<LicenseIssue> issues, List<String> conflicts) {
        for (InheritedLicense base : binding) {
            if (!base.license().id().equals(primary.license().id())) {
                String text = "declared " + primary.license().id() + " (" + primary.source() + ") but base "
                        + base.from() + " is under " + base.license().id();
                conflicts.add(text);
                issues.add(new LicenseIssue(LicenseRules.INHERITANCE_CONFLICT,
                        primary.license().id() + " vs " + base.license().id(),
                        "The model declares " + primary.license().name() + " in " + primary.source()
                                + ", but it derives from " + base.from() + ", published under "
                                + base.license().name() + ", whose terms bind derivatives. The base's obligations ("
                                + String.join(", ", base.license().obligations()) + ") still apply."));
            }
        }
    }

    private static void checkOwnFamily(DeclaredLicense primary, OwnFamily own, List<LicenseIssue> issues,
                                       List<String> conflicts) {
        if (own == null || own.expected() == null || !own.expected().bindsDerivatives()
                || own.allowed().contains(primary.license().id())) {
            return;
        }
        String text = "declared " + primary.license().id() + " but " + own.family() + " models are published under "
                + own.expected().id();
        conflicts.add(text);
        issues.add(new LicenseIssue(LicenseRules.INHERITANCE_CONFLICT,
                primary.license().id() + " vs " + own.expected().id(),
                "The model presents itself as a " + own.family() + " model and declares " + primary.license().name()
                        + ", but " + own.family() + " is published under " + own.expected().name()
                        + "; a copy or derivative keeps those terms."));
    }

    /** One text for every model without a license: a scan of many small models holds one per model. */
    private static final String NOT_DECLARED = "No license is declared in the card, a license text, the GGUF "
            + "metadata or the weights' metadata.";

    /** The verdict of every model without a license and without conflicts, shared like its message. */
    private static final LicenseVerdict NOT_DECLARED_VERDICT = notDeclared(List.of());

    private static LicenseVerdict notDeclared(List<String> conflicts) {
        return new LicenseVerdict(null, null, "not declared", "unknown", List.of(), conflicts);
    }

    private static LicenseAssessment inferred(List<InheritedLicense> inherited, OwnFamily own,
                                              List<InheritedLicense> binding, List<LicenseIssue> issues,
                                              List<String> conflicts) {
        LicenseDef guess = !inherited.isEmpty() ? inherited.get(0).license() : own != null ? own.expected() : null;
        String from = !inherited.isEmpty() ? "base " + inherited.get(0).from()
                : own != null ? "family " + own.family() : null;
        String message = guess == null ? NOT_DECLARED : NOT_DECLARED + " Its " + from + " is published under "
                + guess.name() + "; a derivative keeps those terms.";
        issues.add(new LicenseIssue(LicenseRules.NO_LICENSE, guess == null ? null : guess.id(), message));
        if (guess == null) {
            return new LicenseAssessment(conflicts.isEmpty() ? NOT_DECLARED_VERDICT : notDeclared(conflicts), issues);
        }
        LicenseVerdict v = verdict(guess, "not declared; inferred from " + from, binding, conflicts);
        return new LicenseAssessment(v, issues);
    }

    private static LicenseVerdict verdict(LicenseDef license, String source, List<InheritedLicense> binding,
                                          List<String> conflicts) {
        Set<String> obligations = new LinkedHashSet<>();
        String commercial = license == null ? "unknown" : license.commercialUse();
        if (license != null) {
            obligations.addAll(license.obligations());
        }
        for (InheritedLicense base : binding) {
            obligations.addAll(base.license().obligations());
            commercial = restrictive(commercial, base.license().commercialUse());
        }
        return new LicenseVerdict(license == null ? null : license.id(), license == null ? null : license.name(),
                source, commercial, new ArrayList<>(obligations), conflicts);
    }

    /** The more restrictive of two commercial-use values. */
    static String restrictive(String a, String b) {
        int ia = RESTRICTIVENESS.indexOf(a);
        int ib = RESTRICTIVENESS.indexOf(b);
        if (ia < 0) {
            return b;
        }
        if (ib < 0) {
            return a;
        }
        return RESTRICTIVENESS.get(Math.min(ia, ib));
    }
}
