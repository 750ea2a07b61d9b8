package io.modelgate.rules.policy;

import java.util.Locale;

/** What a policy rule does to a model it matches: written {@code reject}, {@code review} or {@code note}. */
public enum Effect {
    /** The model is rejected. */
    REJECT,
    /** A person must review the model before it is approved. */
    REVIEW,
    /** Shown in the decision; does not hold the model back. */
    NOTE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The outcome this effect asks for; a note asks for nothing beyond approval. */
    public Outcome outcome() {
        return switch (this) {
            case REJECT -> Outcome.REJECT;
            case REVIEW -> Outcome.REVIEW;
            case NOTE -> Outcome.APPROVE;
        };
    }
}
