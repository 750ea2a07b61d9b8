package io.modelgate.scanner.mxnet;

import io.modelgate.scanner.model.Rule;
import io.modelgate.scanner.model.Severity;

import java.util.List;

/** Rules for MXNet symbol graphs. */
public final class MxnetRules {

    public static final Rule CUSTOM_OPERATOR = new Rule("MG-MX-001", Severity.MEDIUM, "unknown",
            "Graph calls a Python custom operator",
            "A node of the MXNet symbol graph is a Custom operator (or a legacy _Native or _NDArray callback): "
                    + "MXNet runs the Python class registered under its op_type by the loading program. The code is not "
                    + "in the model; review where it comes from before running the graph.");

    public static final List<Rule> ALL = List.of(CUSTOM_OPERATOR);

    private MxnetRules() {
    }
}
