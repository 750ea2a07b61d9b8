package io.modelgate.scanner.python;

import io.modelgate.scanner.model.Rule;

/** One finding in Python source: the rule, the call or name it is about, and its line. */
record PythonIssue(Rule rule, String subject, int line, String detail) {
}
