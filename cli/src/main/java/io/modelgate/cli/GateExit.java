package io.modelgate.cli;

import io.modelgate.rules.gate.GateResult;

/** Maps a gate decision to the documented exit code. */
final class GateExit {

    private GateExit() {
    }

    static int code(GateResult gate) {
        return switch (gate.outcome()) {
            case PASS -> ExitCodes.OK;
            case FAIL_FINDINGS -> ExitCodes.FINDINGS;
            case FAIL_INCOMPLETE -> ExitCodes.USAGE_OR_INCOMPLETE;
        };
    }
}
