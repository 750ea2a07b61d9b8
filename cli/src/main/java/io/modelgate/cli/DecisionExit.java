package io.modelgate.cli;

import io.modelgate.rules.policy.Decision;

/** Maps a decision to the documented exit code. */
final class DecisionExit {

    private DecisionExit() {
    }

    /**
     * 1 when something rejects on its merits, 2 when analysis was incomplete or there was nothing to assess,
     * the review code for REVIEW, 0 for APPROVE.
     */
    static int code(Decision decision, int reviewExitCode) {
        if (decision.rejectedOnMerits()) {
            return ExitCodes.FINDINGS;
        }
        if (decision.incomplete() || decision.nothingToAssess()) {
            return ExitCodes.INCOMPLETE;
        }
        return switch (decision.outcome()) {
            case APPROVE -> ExitCodes.OK;
            case REVIEW -> reviewExitCode;
            case REJECT -> ExitCodes.FINDINGS;
        };
    }
}
