package io.modelgate.rules.policy;

import io.modelgate.assessment.Identity;
import io.modelgate.assessment.ModelAssessment;
import io.modelgate.provenance.identity.BaseModel;
import io.modelgate.provenance.identity.ProvenanceRules;
import io.modelgate.scanner.model.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code origin} section applied to one model: the country and publisher of its family, the family and
 * generation themselves, and the family of every base model.
 */
final class OriginCheck {

    private OriginCheck() {
    }

    static void check(ModelAssessment model, OriginPolicy policy, Candidates out) {
        Identity id = model.identity();
        List<String> unknown = new ArrayList<>();
        one(model, "country", id.country(), policy.countries(), policy, unknown, out);
        one(model, "publisher", id.publisher(), policy.publishers(), policy, unknown, out);
        families(model, id, policy, unknown, out);
        if (!unknown.isEmpty() && policy.onUnknown() != Effect.NOTE) {
            Optional<Finding> unidentified = LicenseCheck.finding(model, ProvenanceRules.UNIDENTIFIED);
            out.add(policy.onUnknown(), ReasonCodes.ORIGIN_UNKNOWN, model.path(),
                    unidentified.map(Finding::ruleId).orElse(null),
                    unidentified.map(f -> f.location().path().toString()).orElse(null),
                    "origin not established: " + String.join(", ", unknown) + " unknown");
        }
        boolean constrained = !policy.countries().isEmpty() || !policy.publishers().isEmpty()
                || !policy.families().isEmpty();
        if (constrained && unknown.isEmpty() && id.uncertain() && policy.onUncertain() != Effect.NOTE) {
            out.add(policy.onUncertain(), ReasonCodes.ORIGIN_UNCERTAIN, model.path(), null, null,
                    String.format(java.util.Locale.ROOT, "origin uncertain: the files point at %s with a "
                            + "confidence of %.2f only (below %.1f), so its country and publisher are not settled",
                            id.family(), id.confidence(), Identity.CONFIDENT));
        }
        if (policy.requireDeclaredBase()) {
            for (BaseModel base : id.baseModels()) {
                if (!base.declared()) {
                    Optional<Finding> undeclared = LicenseCheck.finding(model, ProvenanceRules.UNDECLARED_BASE);
                    out.add(Effect.REJECT, ReasonCodes.ORIGIN_UNDECLARED_BASE, model.path(),
                            undeclared.map(Finding::ruleId).orElse(null),
                            undeclared.map(f -> f.location().path().toString()).orElse(null),
                            "base model " + base.name() + " is found in the files but not declared");
                }
            }
        }
    }

    private static void one(ModelAssessment model, String kind, String value, NameLists lists, OriginPolicy policy,
                            List<String> unknown, Candidates out) {
        if (lists.isEmpty()) {
            return;
        }
        if (value == null) {
            unknown.add(kind);
            return;
        }
        apply(model, kind, value, lists.listOf(value), policy, out, "");
    }

    private static void families(ModelAssessment model, Identity id, OriginPolicy policy, List<String> unknown,
                                 Candidates out) {
        NameLists lists = policy.families();
        if (lists.isEmpty()) {
            return;
        }
        if (id.family() == null) {
            unknown.add("family");
        } else {
            String list = worse(lists.listOf(id.family()), id.generation() == null ? null
                    : lists.listOf(id.generation()));
            String shown = id.family() + (id.generation() == null ? "" : " (" + id.generation() + ")");
            apply(model, "family", shown, list, policy, out, "");
        }
        for (BaseModel base : id.baseModels()) {
            if (base.family() != null) {
                String list = lists.listOf(base.family());
                apply(model, "family", base.family(), list, policy, out, " of base model " + base.name());
            }
        }
    }

    /** Family and generation together: a deny or review of either counts, then an allow of either. */
    private static String worse(String a, String b) {
        for (String list : List.of("deny", "review", "allow", "unlisted")) {
            if (list.equals(a) || list.equals(b)) {
                return list;
            }
        }
        return null;
    }

    private static void apply(ModelAssessment model, String kind, String value, String list, OriginPolicy policy,
                              Candidates out, String of) {
        if (list == null || list.equals("allow")) {
            return;
        }
        String plural = kind.equals("family") ? "families" : kind.equals("country") ? "countries" : kind + "s";
        Effect effect = switch (list) {
            case "deny" -> Effect.REJECT;
            case "review" -> Effect.REVIEW;
            default -> policy.onUnlisted();
        };
        if (effect == Effect.NOTE) {
            return;
        }
        String where = list.equals("unlisted") ? "is not on origin." + plural + ".allow"
                : "is on origin." + plural + "." + list;
        out.add(effect, ReasonCodes.origin(kind, list), model.path(), null, null,
                kind + " " + value + of + " " + where);
    }
}
