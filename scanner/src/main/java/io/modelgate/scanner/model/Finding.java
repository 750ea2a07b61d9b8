package io.modelgate.scanner.model;

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

    public Finding {
        Objects.requireNonNull(rule);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(location);
        Objects.requireNonNull(message);
    }

    public static Finding of(Rule rule, Location location, String subject, String message) {
        return new Finding(rule, rule.severity(), location, subject, message);
    }

    public String ruleId() {
        return rule.id();
    }
}
