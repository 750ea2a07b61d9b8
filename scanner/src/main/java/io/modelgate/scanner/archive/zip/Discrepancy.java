package io.modelgate.scanner.archive.zip;

import io.modelgate.scanner.model.Rule;

/** A structural finding about the zip itself (hidden entries, disagreeing headers, overlaps). */
record Discrepancy(Rule rule, long offset, String subject, String message) {
}
