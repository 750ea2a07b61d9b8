package io.modelgate.rules.policy.load;

import java.util.List;
import java.util.stream.Collectors;

/** A policy file that cannot be used, with every located error found in it. */
public final class PolicyException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<PolicyError> errors;
    private final String source;

    PolicyException(String source, List<PolicyError> errors) {
        super(errors.stream().map(e -> e.format(source)).collect(Collectors.joining("\n")));
        this.source = source;
        this.errors = List.copyOf(errors);
    }

    static PolicyException at(Node.Mark mark, String message) {
        return new PolicyException("", List.of(new PolicyError(mark.line(), mark.column(), message)));
    }

    PolicyException withSource(String name) {
        return new PolicyException(name, errors);
    }

    public List<PolicyError> errors() {
        return errors;
    }

    public String source() {
        return source;
    }
}
