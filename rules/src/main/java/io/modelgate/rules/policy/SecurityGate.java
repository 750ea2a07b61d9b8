package io.modelgate.rules.policy;

import io.modelgate.scanner.model.Severity;

/**
 * How security findings decide: the {@code gate} section.
 *
 * @param failOn          findings at or above this severity reject; null for none
 * @param reviewOn        findings at or above this severity (and below failOn) ask for review; null for none
 * @param strict          findings of category {@value #UNKNOWN_CATEGORY} (constructs on neither the allow- nor the
 *                        denylist) reject whatever their severity
 * @param allowIncomplete files that could not be fully analysed are noted instead of failing the scan
 */
public record SecurityGate(Severity failOn, Severity reviewOn, boolean strict, boolean allowIncomplete) {

    public static final String UNKNOWN_CATEGORY = "unknown";

    /** Today's security gate: high and critical findings and incomplete files reject. */
    public static SecurityGate defaults() {
        return new SecurityGate(Severity.HIGH, null, false, false);
    }

    /** The effect of a finding of this severity and category, null when it does not count. */
    public Effect effectOf(Severity severity, String category) {
        if (failOn != null && severity.atLeast(failOn)) {
            return Effect.REJECT;
        }
        if (strict && UNKNOWN_CATEGORY.equals(category)) {
            return Effect.REJECT;
        }
        if (reviewOn != null && severity.atLeast(reviewOn)) {
            return Effect.REVIEW;
        }
        return null;
    }
}
