package io.modelgate.rules.policy;

/** A waiver and the reason it set aside. */
public record AppliedWaiver(Waiver waiver, Reason waived) {
}
