package io.modelgate.scanner.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A detection rule: a stable ID that is never reused, its default severity, a category and the
 * explanation a reviewer reads. Rules are declared as constants next to the analyzer that emits
 * them and listed in {@link ScannerRules}.
 */
public record Rule(String id, Severity severity, String category, String title, String help) {

    private static final Pattern ID = Pattern.compile("MG-[A-Z0-9]{2,6}-\\d{3}");

    public Rule {
        Objects.requireNonNull(id);
        Objects.requireNonNull(severity);
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("bad rule id " + id);
        }
    }
}
