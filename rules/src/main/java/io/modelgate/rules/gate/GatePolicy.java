package io.modelgate.rules.gate;

import io.modelgate.scanner.model.Severity;

/**
 * What makes a CI gate fail.
 *
 * @param failOn          findings at or above this severity fail the gate
 * @param strict          findings of category {@value #UNKNOWN_CATEGORY} (constructs on neither the allow- nor
 *                        the denylist, such as unknown pickle imports) fail the gate whatever their severity
 * @param allowIncomplete files that could not be fully analysed do not fail the gate
 */
public record GatePolicy(Severity failOn, boolean strict, boolean allowIncomplete) {

    public static final String UNKNOWN_CATEGORY = "unknown";

    public static GatePolicy defaults() {
        return new GatePolicy(Severity.HIGH, false, false);
    }
}
