package io.modelgate.scanner.model;

import java.util.Locale;

/** Finding severity, ordered from most to least serious. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    /** True when this severity is at least as serious as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown severity '" + text + "' (expected critical, high, medium, low or info)");
        }
    }
}
