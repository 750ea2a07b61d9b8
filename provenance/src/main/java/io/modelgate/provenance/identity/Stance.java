package io.modelgate.provenance.identity;

import java.util.Locale;

/** Whether a piece of evidence agrees with the verdict. */
public enum Stance {
    SUPPORTS, CONTRADICTS;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
