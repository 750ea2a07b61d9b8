package io.modelgate.rules.policy;

import io.modelgate.rules.policy.spdx.SpdxExpression;

import java.util.List;

/**
 * The {@code licenses} section.
 *
 * @param allow                licenses accepted; when non-empty, any other license is {@code onUnlisted}
 * @param deny                 licenses that reject
 * @param review               licenses that need review
 * @param requireCommercialUse a license that forbids commercial use rejects; a conditional or unknown one is reviewed
 *                             unless it is on the allow list
 * @param onMissing            effect when no license is declared
 * @param onUnknown            effect when the declared license is not recognised
 * @param onConflict           effect when declarations disagree or conflict with a base model's license
 * @param onUnlisted           effect of a license on none of the lists when an allow list is given
 */
public record LicensePolicy(List<SpdxExpression> allow, List<SpdxExpression> deny, List<SpdxExpression> review,
                            boolean requireCommercialUse, Effect onMissing, Effect onUnknown, Effect onConflict,
                            Effect onUnlisted) {

    public LicensePolicy {
        allow = List.copyOf(allow);
        deny = List.copyOf(deny);
        review = List.copyOf(review);
    }

    /** Whether the section asks anything of a license (then missing or unknown licenses are reviewed by default). */
    public boolean constrains() {
        return !allow.isEmpty() || !deny.isEmpty() || !review.isEmpty() || requireCommercialUse;
    }

    public static LicensePolicy notes() {
        return new LicensePolicy(List.of(), List.of(), List.of(), false, Effect.NOTE, Effect.NOTE, Effect.NOTE,
                Effect.REJECT);
    }
}
