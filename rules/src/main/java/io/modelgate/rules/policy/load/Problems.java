package io.modelgate.rules.policy.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every error of a policy file so that one check reports them all. */
final class Problems {

    private final List<PolicyError> errors = new ArrayList<>();

    void add(Node.Mark mark, String message) {
        errors.add(new PolicyError(mark.line(), mark.column(), message));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    List<PolicyError> sorted() {
        List<PolicyError> out = new ArrayList<>(errors);
        out.sort(Comparator.comparingInt(PolicyError::line).thenComparingInt(PolicyError::column));
        return out;
    }
}
