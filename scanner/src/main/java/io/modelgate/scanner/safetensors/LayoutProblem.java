package io.modelgate.scanner.safetensors;

import io.modelgate.scanner.model.Rule;

/** One inconsistency between the header and the bytes it describes. */
record LayoutProblem(Rule rule, long offset, String subject, String message) {
}
