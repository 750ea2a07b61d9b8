package io.modelgate.rules.policy;

import io.modelgate.assessment.LockStatus;
import io.modelgate.assessment.ModelAssessment;

/** The {@code lock} section: a model that differs from its lock rejects; {@code required} demands a lock. */
final class LockRequirement {

    private LockRequirement() {
    }

    static void check(ModelAssessment model, LockPolicy policy, Candidates out) {
        LockStatus lock = model.integrity().lock();
        String file = model.integrity().lockFile();
        if (lock == LockStatus.MISMATCH) {
            out.add(Effect.REJECT, ReasonCodes.LOCK_MISMATCH, model.path(), null, null,
                    "the model differs from the lock file" + (file == null ? "" : " " + file));
        } else if (policy.required() && lock != LockStatus.MATCH) {
            out.add(Effect.REJECT, ReasonCodes.LOCK_REQUIRED, model.path(), null, null, lock == LockStatus.ERROR
                    ? "the lock file could not be used" + (file == null ? "" : ": " + file)
                    : "a lock file is required and none covered the model");
        }
    }
}
