package io.modelgate.cli.report;

import io.modelgate.rules.gate.GateResult;

/** The registry of report writers, one per {@link ReportFormat}. */
public final class ReportWriters {

    private ReportWriters() {
    }

    public static ReportWriter forFormat(ReportFormat format) {
        return switch (format) {
            case text -> new TextReportWriter();
            case json -> new JsonReportWriter();
        };
    }

    /** One line saying whether the gate passed and why. */
    public static String gateLine(GateResult gate) {
        return switch (gate.outcome()) {
            case PASS -> "Gate: PASS (nothing at or above " + gate.policy().failOn().id() + ")";
            case FAIL_FINDINGS -> "Gate: FAIL, " + gate.blocking().size() + " finding(s) at or above "
                    + gate.policy().failOn().id() + (gate.policy().strict() ? " or unreviewed (strict)" : "");
            case FAIL_INCOMPLETE -> "Gate: FAIL, " + gate.incompleteFiles().size()
                    + " file(s) could not be fully analysed (use --allow-incomplete to accept)";
        };
    }
}
