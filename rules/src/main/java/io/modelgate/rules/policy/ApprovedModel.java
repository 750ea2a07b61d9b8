package io.modelgate.rules.policy;

import java.time.LocalDate;

/**
 * An entry of the approved-models register.
 *
 * @param digest     the whole-model digest, {@code sha256:<hex>}
 * @param name       what the model is, for people; may be null
 * @param approvedBy who approved it
 * @param approvedOn when
 * @param expires    last day the approval holds, null when it does not expire
 */
public record ApprovedModel(String digest, String name, String approvedBy, LocalDate approvedOn, LocalDate expires) {

    public boolean expiredOn(LocalDate today) {
        return expires != null && today.isAfter(expires);
    }
}
