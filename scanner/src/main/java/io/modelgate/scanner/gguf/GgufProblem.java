package io.modelgate.scanner.gguf;

import io.modelgate.scanner.model.Rule;

/** A format violation found while reading or checking a GGUF file. */
record GgufProblem(Rule rule, long offset, String subject, String message) {
}
