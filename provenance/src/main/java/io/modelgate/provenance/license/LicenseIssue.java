package io.modelgate.provenance.license;

import io.modelgate.scanner.model.Rule;

/** A license finding to report on the unit: rule, subject and explanation. */
public record LicenseIssue(Rule rule, String subject, String message) {
}
