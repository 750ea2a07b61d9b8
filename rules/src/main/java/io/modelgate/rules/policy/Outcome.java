package io.modelgate.rules.policy;

/** The three decisions, from best to worst. */
public enum Outcome {
    APPROVE, REVIEW, REJECT;

    /** The worse of two outcomes. */
    public Outcome and(Outcome other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
