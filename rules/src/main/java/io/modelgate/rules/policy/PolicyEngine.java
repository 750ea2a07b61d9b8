package io.modelgate.rules.policy;

import io.modelgate.assessment.ModelAssessment;
import io.modelgate.assessment.ScanAssessment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a policy to a scan: APPROVE, REVIEW or REJECT with every reason. The checks produce candidate
 * reasons; waivers set some aside, an approval in the register settles a model's review reasons, and the
 * worst remaining effect decides. A scan with no model unit is never approved.
 */
public final class PolicyEngine {

    public Decision decide(ScanAssessment scan, Policy policy, Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC));
        Map<String, String> modelOfFile = new HashMap<>();
        for (ModelAssessment model : scan.models()) {
            modelOfFile.put(model.path(), model.path());
            model.files().forEach(f -> modelOfFile.put(f.path(), model.path()));
        }
        Candidates candidates = new Candidates();
        FindingGate.check(scan, policy, modelOfFile, candidates);
        FormatCheck.check(scan.allFiles(), policy.formats(), modelOfFile, candidates);
        Set<String> approved = new HashSet<>();
        for (ModelAssessment model : scan.models()) {
            LicenseCheck.check(model, policy.licenses(), candidates);
            OriginCheck.check(model, policy.origin(), candidates);
            SignatureRequirement.check(model, policy.signature(), candidates);
            LockRequirement.check(model, policy.lock(), candidates);
            ApprovalRegister.check(model, policy, today, candidates).ifPresent(a -> approved.add(model.path()));
        }
        WaiverBook book = new WaiverBook(policy.waivers(), today);
        List<Reason> reasons = new ArrayList<>();
        List<Reason> notes = new ArrayList<>();
        List<AppliedWaiver> applied = new ArrayList<>();
        for (Reason reason : candidates.all()) {
            if (reason.effect() == Outcome.APPROVE) {
                notes.add(reason);
                continue;
            }
            Optional<Waiver> waiver = book.inForce(reason);
            if (waiver.isPresent()) {
                applied.add(new AppliedWaiver(waiver.get(), reason));
                continue;
            }
            Optional<Waiver> expired = book.expiredFor(reason);
            Reason kept = expired.map(w -> reason.withMessage(reason.message() + " (the waiver owned by " + w.owner()
                    + " expired on " + w.expires() + ")")).orElse(reason);
            if (kept.effect() == Outcome.REVIEW && kept.model() != null && approved.contains(kept.model())) {
                notes.add(kept.asNote("settled by the approval in approvedModels: "));
            } else {
                reasons.add(kept);
            }
        }
        for (Waiver waiver : book.expired()) {
            notes.add(new Reason(Outcome.APPROVE, ReasonCodes.WAIVER_EXPIRED, null, waiver.rule(), null,
                    "waiver for " + waiver.rule() + " on " + waiver.path() + " (owner " + waiver.owner()
                            + ") expired on " + waiver.expires() + " and no longer applies"));
        }
        for (Waiver waiver : book.expiringWithin(policy.expiryWarningDays())) {
            notes.add(new Reason(Outcome.APPROVE, ReasonCodes.WAIVER_EXPIRING, null, waiver.rule(), null,
                    "waiver for " + waiver.rule() + " on " + waiver.path() + " (owner " + waiver.owner()
                            + ") expires on " + waiver.expires()));
        }
        boolean nothing = scan.models().isEmpty();
        if (nothing) {
            reasons.add(new Reason(Outcome.REVIEW, ReasonCodes.NOTHING_TO_ASSESS, null, null, null,
                    "nothing to assess: the scan found no model"));
        }
        Outcome outcome = Outcome.APPROVE;
        for (Reason reason : reasons) {
            outcome = outcome.and(reason.effect());
        }
        boolean incomplete = reasons.stream().anyMatch(r -> r.code().equals(ReasonCodes.INCOMPLETE));
        return new Decision(outcome, reasons, applied, book.unused(), book.expired(), policy.name(),
                String.valueOf(policy.version()), nothing, incomplete, notes);
    }
}
