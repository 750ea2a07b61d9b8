package io.modelgate.rules.policy;

import java.time.LocalDate;

/**
 * A waiver: a finding rule (or policy reason code) accepted on matching paths, with who owns the decision.
 *
 * @param rule    a rule id ({@code MG-PKL-002}) or a policy reason code ({@code license.deny})
 * @param path    glob over the finding's file or the model's path; {@code **} when not given
 * @param reason  why it is accepted
 * @param owner   who answers for it
 * @param expires last day the waiver applies, null when it does not expire
 * @param line    line of the waiver in the policy file, 0 for built-in policies
 */
public record Waiver(String rule, String path, String reason, String owner, LocalDate expires, int line) {

    public boolean expiredOn(LocalDate today) {
        return expires != null && today.isAfter(expires);
    }
}
