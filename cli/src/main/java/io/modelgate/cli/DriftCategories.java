package io.modelgate.cli;

import io.modelgate.rules.policy.Policy;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The drift a policy cares about, for {@code sbom diff --policy}: file, decision and finding drift always
 * matter (the bytes and the verdict on them); license drift when the policy rules on licenses, identity drift
 * when it rules on origin, signature drift when it requires or names signers.
 */
final class DriftCategories {

    private DriftCategories() {
    }

    static Set<String> of(Policy policy) {
        Set<String> categories = new LinkedHashSet<>(Set.of("files", "decision", "findings"));
        var licenses = policy.licenses();
        if (!licenses.allow().isEmpty() || !licenses.deny().isEmpty() || !licenses.review().isEmpty()
                || licenses.requireCommercialUse()) {
            categories.add("license");
        }
        var origin = policy.origin();
        if (!origin.countries().isEmpty() || !origin.publishers().isEmpty() || !origin.families().isEmpty()
                || origin.requireDeclaredBase()) {
            categories.add("identity");
        }
        var signature = policy.signature();
        if (signature.required() || !signature.publicKeys().isEmpty() || !signature.certificates().isEmpty()
                || signature.trustRoot() != null || !signature.keyrings().isEmpty()) {
            categories.add("signature");
        }
        return categories;
    }
}
