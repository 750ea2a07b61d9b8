package io.modelgate.scanner.skops;

import io.modelgate.scanner.model.Rule;
import io.modelgate.scanner.model.Severity;

import java.util.List;

/** Rules for skops archives. */
public final class SkopsRules {

    public static final Rule DANGEROUS_TYPE = new Rule("MG-SKOPS-001", Severity.CRITICAL, "code-execution",
            "skops schema constructs a dangerous type or callable",
            "The schema.json of a skops file names a type or function that runs code, spawns processes, opens files "
                    + "or the network, or reaches arbitrary attributes (the same list as for pickle imports). skops "
                    + "refuses it by default, but users routinely pass every reported type as trusted; loading the file "
                    + "then constructs or calls it.");
    public static final Rule UNREVIEWED_TYPE = new Rule("MG-SKOPS-002", Severity.MEDIUM, "unknown",
            "skops schema constructs a type outside the reviewed namespaces",
            "The schema names a type or function outside the reviewed namespaces of scikit-learn, NumPy, SciPy and "
                    + "Python's data types. skops asks the user to trust it before loading; review what it is first.");

    public static final List<Rule> ALL = List.of(DANGEROUS_TYPE, UNREVIEWED_TYPE);

    private SkopsRules() {
    }
}
