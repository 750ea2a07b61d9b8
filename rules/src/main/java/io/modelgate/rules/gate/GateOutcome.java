package io.modelgate.rules.gate;

import java.util.Locale;

/** The three ways a gate ends; the CLI maps them to exit codes 0, 1 and 2. */
public enum GateOutcome {
    PASS,
    FAIL_FINDINGS,
    FAIL_INCOMPLETE;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
