package io.modelgate.rules.policy;

import io.modelgate.assessment.ModelAssessment;
import io.modelgate.provenance.license.LicenseRules;
import io.modelgate.provenance.license.LicenseVerdict;
import io.modelgate.rules.policy.spdx.SpdxException;
import io.modelgate.rules.policy.spdx.SpdxExpression;
import io.modelgate.rules.policy.spdx.SpdxParser;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Rule;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code licenses} section applied to one model. An expression is judged as a licensee would use it:
 * of {@code A OR B} the better choice counts, of {@code A AND B} the worse.
 */
final class LicenseCheck {

    private static final String UNRECOGNISED_ID = "LicenseRef-unrecognised";

    /** How a license stands against the lists; a higher rank is worse. */
    private record Standing(int rank, Effect effect, String code, String license) {
        static final Standing ALLOWED = new Standing(0, null, null, null);
        static final Standing NEUTRAL = new Standing(1, null, null, null);
    }

    private LicenseCheck() {
    }

    static void check(ModelAssessment model, LicensePolicy policy, Candidates out) {
        LicenseVerdict license = model.license();
        Optional<Finding> missing = finding(model, LicenseRules.NO_LICENSE);
        Optional<Finding> unrecognised = finding(model, LicenseRules.UNRECOGNISED);
        String id = license == null ? null : license.id();
        if (license == null || id == null || missing.isPresent()) {
            add(out, policy.onMissing(), ReasonCodes.LICENSE_MISSING, model, missing,
                    "no license is declared" + (id == null ? "" : "; " + license.source() + ": " + id));
        }
        if (id != null && (unrecognised.isPresent() || id.equals(UNRECOGNISED_ID))) {
            add(out, policy.onUnknown(), ReasonCodes.LICENSE_UNKNOWN, model, unrecognised,
                    "the declared license '" + license.name() + "' is not recognised");
            id = null;
        }
        if (license != null && !license.conflicts().isEmpty()) {
            Optional<Finding> conflict = finding(model, LicenseRules.INHERITANCE_CONFLICT)
                    .or(() -> finding(model, LicenseRules.DECLARATIONS_DISAGREE));
            add(out, policy.onConflict(), ReasonCodes.LICENSE_CONFLICT, model, conflict,
                    "license conflict: " + String.join("; ", license.conflicts()));
        }
        Standing standing = Standing.NEUTRAL;
        if (id != null) {
            standing = standing(id, policy, out, model);
            if (standing.effect() != null) {
                String list = standing.code().substring("license.".length());
                add(out, standing.effect(), standing.code(), model, Optional.empty(), "license " + id
                        + (standing.license().equalsIgnoreCase(id) ? "" : " (" + standing.license() + ")")
                        + (list.equals("unlisted") ? " is not on licenses.allow" : " is on licenses." + list));
            }
        }
        if (policy.requireCommercialUse() && license != null) {
            String use = license.commercialUse() == null ? "unknown" : license.commercialUse();
            if (use.equals("false")) {
                add(out, Effect.REJECT, ReasonCodes.LICENSE_COMMERCIAL_USE, model, Optional.empty(),
                        "license " + license.id() + " does not allow commercial use");
            } else if (!use.equals("true") && standing.rank() > 0) {
                add(out, Effect.REVIEW, ReasonCodes.LICENSE_COMMERCIAL_USE, model, Optional.empty(),
                        license.id() == null ? "commercial use is " + use + ": no license is declared"
                                : "commercial use under license " + license.id() + " is " + use);
            }
        } else if (policy.requireCommercialUse()) {
            add(out, Effect.REVIEW, ReasonCodes.LICENSE_COMMERCIAL_USE, model, Optional.empty(),
                    "commercial use cannot be established: no license verdict");
        }
    }

    private static Standing standing(String id, LicensePolicy policy, Candidates out, ModelAssessment model) {
        SpdxExpression expression;
        try {
            expression = SpdxParser.lenient().parse(id);
        } catch (SpdxException e) {
            add(out, policy.onUnknown(), ReasonCodes.LICENSE_UNKNOWN, model, Optional.empty(),
                    "license '" + id + "' is not a license expression: " + e.getMessage());
            return Standing.NEUTRAL;
        }
        Standing whole = listed(expression.toString(), null, policy);
        return whole != null ? whole : judge(expression, policy);
    }

    private static Standing judge(SpdxExpression expression, LicensePolicy policy) {
        if (expression instanceof SpdxExpression.Or or) {
            return or.parts().stream().map(p -> judge(p, policy))
                    .min(java.util.Comparator.comparingInt(Standing::rank)).orElseThrow();
        }
        if (expression instanceof SpdxExpression.And and) {
            return and.parts().stream().map(p -> judge(p, policy))
                    .max(java.util.Comparator.comparingInt(Standing::rank)).orElseThrow();
        }
        SpdxExpression.License leaf = (SpdxExpression.License) expression;
        Standing standing = listed(leaf.toString(), leaf.id(), policy);
        if (standing != null) {
            return standing;
        }
        if (!policy.allow().isEmpty()) {
            return new Standing(rank(policy.onUnlisted()), policy.onUnlisted(), ReasonCodes.LICENSE_UNLISTED,
                    leaf.toString());
        }
        return Standing.NEUTRAL;
    }

    /** The list that names the text (or, for a license with an exception, its bare id), null when none. */
    private static Standing listed(String text, String bareId, LicensePolicy policy) {
        if (matches(policy.deny(), text, bareId)) {
            return new Standing(4, Effect.REJECT, ReasonCodes.LICENSE_DENY, text);
        }
        if (matches(policy.review(), text, bareId)) {
            return new Standing(3, Effect.REVIEW, ReasonCodes.LICENSE_REVIEW, text);
        }
        if (matches(policy.allow(), text, bareId)) {
            return Standing.ALLOWED;
        }
        return null;
    }

    private static boolean matches(List<SpdxExpression> entries, String text, String bareId) {
        String wanted = text.toLowerCase(Locale.ROOT);
        for (SpdxExpression entry : entries) {
            String listed = entry.toString().toLowerCase(Locale.ROOT);
            if (listed.equals(wanted) || (bareId != null && listed.equals(bareId.toLowerCase(Locale.ROOT)))) {
                return true;
            }
        }
        return false;
    }

    private static int rank(Effect effect) {
        return switch (effect) {
            case REJECT -> 4;
            case REVIEW -> 3;
            case NOTE -> 2;
        };
    }

    private static void add(Candidates out, Effect effect, String code, ModelAssessment model,
                            Optional<Finding> finding, String message) {
        if (effect == Effect.NOTE) {
            return; // the license finding itself is already a note
        }
        out.add(effect, code, model.path(), finding.map(Finding::ruleId).orElse(null),
                finding.map(f -> f.location().path().toString()).orElse(null), message);
    }

    static Optional<Finding> finding(ModelAssessment model, Rule rule) {
        return model.findings().stream().filter(f -> f.ruleId().equals(rule.id())).findFirst();
    }
}
