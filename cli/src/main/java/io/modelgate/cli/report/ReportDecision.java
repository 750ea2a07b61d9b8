package io.modelgate.cli.report;

import java.util.List;

/**
 * The policy decision as the report writers show it. It mirrors the policy engine's {@code Decision} field by
 * field, so one adapter fills it; writers depend on this record only.
 *
 * @param outcome        {@code APPROVE}, {@code REVIEW} or {@code REJECT}
 * @param reasons        why the outcome is not APPROVE (empty for an approval)
 * @param waivers        waivers that accepted something in this scan
 * @param unusedWaivers  waivers of the policy that matched nothing, as one line each
 * @param expiredWaivers waivers past their date (they no longer apply), as one line each
 * @param policyName     the policy applied
 * @param policyVersion  its version, null when it declares none
 * @param incomplete     true when some file or check could not be analysed completely
 * @param notes          facts that hold nothing back but a reviewer should see (accepted imports, approvals,
 *                       license and provenance remarks)
 */
public record ReportDecision(String outcome, List<Reason> reasons, List<WaiverUse> waivers, List<String> unusedWaivers,
                             List<String> expiredWaivers, String policyName, String policyVersion,
                             boolean incomplete, List<Reason> notes) {

    public ReportDecision {
        notes = List.copyOf(notes);
        reasons = List.copyOf(reasons);
        waivers = List.copyOf(waivers);
        unusedWaivers = List.copyOf(unusedWaivers);
        expiredWaivers = List.copyOf(expiredWaivers);
    }

    /**
     * One reason for the outcome.
     *
     * @param effect  {@code REVIEW} or {@code REJECT}
     * @param code    the reason code, e.g. {@code finding}, {@code license.deny}, {@code incomplete}
     * @param model   the model unit's path, null when the reason is not about one unit
     * @param ruleId  the finding's rule, null when the reason is not a finding
     * @param file    the finding's location, null when none
     * @param message one line for a reviewer
     */
    public record Reason(String effect, String code, String model, String ruleId, String file, String message) {
    }

    /**
     * A waiver that accepted findings or reasons.
     *
     * @param rule     the waived rule id or reason code
     * @param path     the glob it applies to
     * @param reason   why it was accepted
     * @param owner    who answers for it
     * @param expires  its last day (ISO date), null when it does not expire
     * @param accepted what it accepted in this scan, one line each
     */
    public record WaiverUse(String rule, String path, String reason, String owner, String expires,
                            List<String> accepted) {

        public WaiverUse {
            accepted = List.copyOf(accepted);
        }
    }

    public boolean rejects() {
        return "REJECT".equals(outcome);
    }
}
