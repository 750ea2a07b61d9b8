package io.modelgate.rules.policy;

import java.util.List;

/**
 * The policy's decision on a scan.
 *
 * @param outcome         APPROVE, REVIEW or REJECT
 * @param reasons         what rejects or asks for review, each linked to its rule, finding or fact
 * @param waivers         reasons set aside by a waiver
 * @param unusedWaivers   waivers in force that matched nothing
 * @param expiredWaivers  waivers past their expiry date (they no longer apply)
 * @param policyName      the policy or profile applied
 * @param policyVersion   its format version
 * @param nothingToAssess the scan found no model unit: never approved
 * @param incomplete      a file or check could not be analysed completely and the policy does not allow it
 * @param notes           facts that do not hold the model back: license and provenance findings, accepted
 *                        pickle imports, approvals, expiring waivers
 */
public record Decision(Outcome outcome, List<Reason> reasons, List<AppliedWaiver> waivers, List<Waiver> unusedWaivers,
                       List<Waiver> expiredWaivers, String policyName, String policyVersion, boolean nothingToAssess,
                       boolean incomplete, List<Reason> notes) {

    public Decision {
        reasons = List.copyOf(reasons);
        waivers = List.copyOf(waivers);
        unusedWaivers = List.copyOf(unusedWaivers);
        expiredWaivers = List.copyOf(expiredWaivers);
        notes = List.copyOf(notes);
    }

    /** True when something other than incomplete analysis rejects. */
    public boolean rejectedOnMerits() {
        return reasons.stream().anyMatch(r -> r.effect() == Outcome.REJECT && !r.code().equals(ReasonCodes.INCOMPLETE)
                && !r.code().equals(ReasonCodes.NOTHING_TO_ASSESS));
    }
}
