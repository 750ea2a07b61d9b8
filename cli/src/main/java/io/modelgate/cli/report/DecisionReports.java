package io.modelgate.cli.report;

import io.modelgate.rules.policy.AppliedWaiver;
import io.modelgate.rules.policy.Decision;
import io.modelgate.rules.policy.Reason;
import io.modelgate.rules.policy.Waiver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The policy engine's {@link Decision} as the report writers show it. */
public final class DecisionReports {

    private DecisionReports() {
    }

    public static ReportDecision of(Decision decision) {
        Map<Waiver, List<String>> accepted = new LinkedHashMap<>();
        for (AppliedWaiver applied : decision.waivers()) {
            accepted.computeIfAbsent(applied.waiver(), w -> new ArrayList<>()).add(describe(applied.waived()));
        }
        List<ReportDecision.WaiverUse> waivers = new ArrayList<>();
        accepted.forEach((w, what) -> waivers.add(new ReportDecision.WaiverUse(w.rule(), w.path(), w.reason(),
                w.owner(), w.expires() == null ? null : w.expires().toString(), what)));
        return new ReportDecision(decision.outcome().name(), reasons(decision.reasons()), waivers,
                decision.unusedWaivers().stream().map(DecisionReports::describe).toList(),
                decision.expiredWaivers().stream().map(DecisionReports::describe).toList(),
                decision.policyName(), decision.policyVersion(), decision.incomplete(), reasons(decision.notes()));
    }

    private static List<ReportDecision.Reason> reasons(List<Reason> reasons) {
        return reasons.stream().map(r -> new ReportDecision.Reason(r.effect().name(), r.code(), r.model(), r.ruleId(),
                r.file(), r.message())).toList();
    }

    private static String describe(Reason reason) {
        return reason.code() + (reason.ruleId() == null ? "" : " " + reason.ruleId())
                + (reason.file() != null ? " at " + reason.file() : reason.model() != null ? " in " + reason.model() : "")
                + ": " + reason.message();
    }

    private static String describe(Waiver waiver) {
        return waiver.rule() + " on " + waiver.path() + (waiver.expires() == null ? "" : " (until " + waiver.expires() + ")")
                + (waiver.line() > 0 ? ", policy line " + waiver.line() : "");
    }
}
