package io.modelgate.rules.policy;

import io.modelgate.assessment.ModelAssessment;
import io.modelgate.assessment.Signature;
import io.modelgate.assessment.SignatureStatus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * A demanded signature: every model needs a valid one (valid means verified with the supplied material), made
 * with a method that material verifies, and from an accepted identity when identities are listed.
 */
final class SignatureRequirement {

    private SignatureRequirement() {
    }

    static void check(ModelAssessment model, SignaturePolicy policy, Candidates out) {
        if (!policy.demanded()) {
            return;
        }
        Signature sig = model.signature();
        List<String> methods = policy.methods();
        boolean otherMethod = policy.hasMaterial() && sig.method() != null && !methods.contains(sig.method());
        String by = " (signature " + sig.status().id() + (sig.method() == null ? "" : ", method " + sig.method())
                + (sig.signer() == null ? "" : ", signer " + sig.signer()) + ")";
        String expected = methods.isEmpty() ? "" : "; the policy accepts " + String.join(" or ", methods)
                + " signatures";
        if (sig.status() == SignatureStatus.ABSENT) {
            reject(out, model, ReasonCodes.SIGNATURE_REQUIRED, "a valid signature is required and the model has none"
                    + expected);
        } else if (sig.status() == SignatureStatus.INVALID) {
            reject(out, model, ReasonCodes.SIGNATURE_INVALID, "the signature is invalid" + by);
        } else if (otherMethod) {
            reject(out, model, ReasonCodes.SIGNATURE_OTHER_METHOD, "the model is signed with another method" + by
                    + expected);
        } else if (sig.status() == SignatureStatus.UNTRUSTED) {
            reject(out, model, ReasonCodes.SIGNATURE_OTHER_SIGNER, "the signer is not one the policy trusts" + by);
        } else if (sig.status() == SignatureStatus.UNVERIFIED) {
            reject(out, model, ReasonCodes.SIGNATURE_UNVERIFIED, "the signature could not be verified" + by
                    + (sig.notVerified().isEmpty() ? "" : ": " + String.join("; ", sig.notVerified())));
        } else if (!policy.identities().isEmpty() && !identityAccepted(sig, policy.identities())) {
            reject(out, model, ReasonCodes.SIGNATURE_IDENTITY, "the signer is not among signature.identities ("
                    + String.join(", ", policy.identities()) + ")" + by);
        }
    }

    private static boolean identityAccepted(Signature sig, List<String> identities) {
        List<String> signers = new ArrayList<>();
        if (sig.signer() != null) {
            signers.add(sig.signer());
        }
        for (Signature.SignatureCheck check : sig.signatures()) {
            if (check.status() == SignatureStatus.VALID) {
                check.signer().values().forEach(v -> collect(v, signers));
            }
        }
        for (String signer : signers) {
            for (String identity : identities) {
                if (signer.toLowerCase(Locale.ROOT).equals(identity.toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void collect(Object value, List<String> into) {
        if (value instanceof Collection<?> many) {
            many.forEach(v -> collect(v, into));
        } else if (value != null) {
            into.add(value.toString());
        }
    }

    private static void reject(Candidates out, ModelAssessment model, String code, String message) {
        out.add(Effect.REJECT, code, model.path(), null, null, message);
    }
}
