package io.modelgate.rules.policy;

import io.modelgate.assessment.ModelAssessment;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The approved-models register: when a policy has one, only models whose whole digest it lists (and whose
 * approval has not expired) pass; the approval settles what would otherwise ask for review.
 */
final class ApprovalRegister {

    private ApprovalRegister() {
    }

    /** The approval in force for the model, after adding the reasons and notes the register gives. */
    static Optional<ApprovedModel> check(ModelAssessment model, Policy policy, LocalDate today, Candidates out) {
        List<ApprovedModel> register = policy.approvedModels();
        if (register == null) {
            return Optional.empty();
        }
        if (model.digest() == null) {
            out.add(Effect.REJECT, ReasonCodes.APPROVED_MISSING, model.path(), null, null,
                    "the model's digest is unknown (a file could not be read), so it cannot be matched against "
                            + "approvedModels");
            return Optional.empty();
        }
        Optional<ApprovedModel> entry = register.stream().filter(a -> model.digest().equals(a.digest())).findFirst();
        if (entry.isEmpty()) {
            out.add(Effect.REJECT, ReasonCodes.APPROVED_MISSING, model.path(), null, null,
                    "the model is not in approvedModels (digest " + model.digest() + ")");
            return Optional.empty();
        }
        ApprovedModel approval = entry.get();
        if (approval.expiredOn(today)) {
            out.add(Effect.REJECT, ReasonCodes.APPROVED_EXPIRED, model.path(), null, null,
                    "the approval by " + approval.approvedBy() + " expired on " + approval.expires());
            return Optional.empty();
        }
        out.note(ReasonCodes.APPROVED, model.path(), null, null, "approved by " + approval.approvedBy() + " on "
                + approval.approvedOn() + (approval.expires() == null ? "" : ", until " + approval.expires()));
        if (approval.expires() != null && !today.plusDays(policy.expiryWarningDays()).isBefore(approval.expires())) {
            out.note(ReasonCodes.APPROVAL_EXPIRING, model.path(), null, null,
                    "the approval by " + approval.approvedBy() + " expires on " + approval.expires());
        }
        return entry;
    }
}
