package io.modelgate.cli.report;

import io.modelgate.rules.policy.AppliedWaiver;
import io.modelgate.rules.policy.Decision;
import io.modelgate.rules.policy.Reason;
import io.modelgate.rules.policy.Waiver;

/** The decision in the text report: one headline, then its reasons, waivers and notes. */
public final class DecisionText {

    private DecisionText() {
    }

    /** The one-line decision, also printed on standard error when the report goes to a file. */
    public static String line(Decision decision) {
        StringBuilder line = new StringBuilder("Decision: ").append(decision.outcome())
                .append(" (policy ").append(decision.policyName()).append(")");
        if (decision.nothingToAssess()) {
            line.append(", nothing to assess: no model found");
        } else if (decision.reasons().isEmpty()) {
            line.append(", nothing holds the model back");
        } else {
            line.append(", ").append(decision.reasons().size()).append(" reason(s)");
        }
        if (decision.incomplete()) {
            line.append(", analysis incomplete (use --allow-incomplete to accept)");
        }
        return line.toString();
    }

    /** The headline followed by one indented line per reason, waiver and note. */
    public static String block(Decision decision) {
        StringBuilder out = new StringBuilder(line(decision)).append('\n');
        for (Reason reason : decision.reasons()) {
            out.append("  ").append(reason.effect()).append(' ').append(describe(reason)).append('\n');
        }
        for (AppliedWaiver applied : decision.waivers()) {
            out.append("  waived ").append(describe(applied.waived())).append(" — by ")
                    .append(applied.waiver().owner()).append(": ").append(applied.waiver().reason()).append('\n');
        }
        for (Waiver waiver : decision.unusedWaivers()) {
            out.append("  unused waiver ").append(waiver.rule()).append(" on ").append(waiver.path())
                    .append(" (owner ").append(waiver.owner()).append(")\n");
        }
        for (Reason note : decision.notes()) {
            out.append("  note ").append(describe(note)).append('\n');
        }
        return out.toString();
    }

    private static String describe(Reason reason) {
        return "[" + reason.code() + "] " + (reason.model() == null ? "" : reason.model() + ": ") + reason.message();
    }
}
