package io.modelgate.scanner.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * One thing a reviewer must look at.
 *
 * @param rule     the rule that fired
 * @param severity effective severity (usually the rule's default)
 * @param location the artifact path and offset
 * @param subject  what was found, e.g. the resolved global {@code os.system}; may be null
 * @param message  explanation for a reviewer
 */
public record Finding(Rule rule, Severity severity, Location location, String subject, String message) {

    /** The order of findings in every report: by artifact path, offset, rule and subject. */
    public static final Comparator<Finding> REPORT_ORDER = Comparator
            .comparing((Finding f) -> f.location().path().toString())
            .thenComparingLong(f -> f.location().offset())
            .thenComparing(Finding::ruleId)
            .thenComparing(f -> f.subject() == null ? "" : f.subject());

    public Finding {
        Objects.requireNonNull(rule);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(location);
        Objects.requireNonNull(message);
        subject = OneLine.of(subject);
        message = OneLine.of(message);
    }

    public static Finding of(Rule rule, Location location, String subject, String message) {
        return new Finding(rule, rule.severity(), location, subject, message);
    }

    public String ruleId() {
        return rule.id();
    }
}
