package io.modelgate.scanner.template;

import io.modelgate.scanner.model.Rule;

/** One problem found in a template, at a character offset. */
record TemplateIssue(Rule rule, String subject, String detail, int offset) {
}
