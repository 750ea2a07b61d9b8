package io.modelgate.scanner.gguf;

import io.modelgate.scanner.analysis.FormatProblem;
import io.modelgate.scanner.model.Rule;

import java.io.IOException;

/** A violation after which the rest of the file cannot be located. */
final class MalformedGgufException extends IOException {

    private final transient FormatProblem problem;

    MalformedGgufException(Rule rule, long offset, String subject, String message) {
        super(message);
        this.problem = new FormatProblem(rule, offset, subject, message);
    }

    FormatProblem problem() {
        return problem;
    }
}
