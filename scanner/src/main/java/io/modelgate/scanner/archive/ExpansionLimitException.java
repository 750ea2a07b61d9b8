package io.modelgate.scanner.archive;

import java.io.IOException;
import io.modelgate.scanner.model.Rule;

/** Expansion went past a ratio or total limit; {@link #rule()} says which. */
public final class ExpansionLimitException extends IOException {

    private final transient Rule rule;

    public ExpansionLimitException(Rule rule, String message) {
        super(message);
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }
}
