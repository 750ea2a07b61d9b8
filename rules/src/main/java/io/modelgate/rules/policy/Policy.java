package io.modelgate.rules.policy;

import java.util.List;

/**
 * A policy: what decides whether a scanned model is approved, reviewed or rejected.
 *
 * @param name              the profile name or the policy file
 * @param version           the policy format version (1)
 * @param gate              security findings and incomplete files
 * @param licenses          license lists and requirements
 * @param origin            country, publisher and family of the model
 * @param signature         signature requirement and verification material
 * @param lock              lock file requirement
 * @param formats           format lists and file size
 * @param pickle            reviewed pickle imports
 * @param approvedModels    the register of approved model digests; null when the policy has none (no register)
 * @param waivers           accepted findings
 * @param expiryWarningDays waivers and approvals expiring within this many days are noted
 */
public record Policy(String name, int version, SecurityGate gate, LicensePolicy licenses, OriginPolicy origin,
                     SignaturePolicy signature, LockPolicy lock, FormatPolicy formats, PicklePolicy pickle,
                     List<ApprovedModel> approvedModels, List<Waiver> waivers, int expiryWarningDays) {

    public static final int VERSION = 1;

    public Policy {
        approvedModels = approvedModels == null ? null : List.copyOf(approvedModels);
        waivers = List.copyOf(waivers);
    }

    public Policy withGate(SecurityGate other) {
        return new Policy(name, version, other, licenses, origin, signature, lock, formats, pickle, approvedModels,
                waivers, expiryWarningDays);
    }

    public Policy withSignature(SignaturePolicy other) {
        return new Policy(name, version, gate, licenses, origin, other, lock, formats, pickle, approvedModels,
                waivers, expiryWarningDays);
    }

    public Policy withLock(LockPolicy other) {
        return new Policy(name, version, gate, licenses, origin, signature, other, formats, pickle, approvedModels,
                waivers, expiryWarningDays);
    }
}
