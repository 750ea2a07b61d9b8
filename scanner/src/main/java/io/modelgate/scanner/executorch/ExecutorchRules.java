package io.modelgate.scanner.executorch;

import io.modelgate.scanner.model.Rule;
import io.modelgate.scanner.model.Severity;

import java.util.List;

/** Rules for ExecuTorch programs ({@code .pte}). */
public final class ExecutorchRules {

    public static final Rule CUSTOM_OPERATOR = new Rule("MG-PTE-001", Severity.MEDIUM, "unknown",
            "Operator outside the known kernel libraries",
            "The program calls an operator whose namespace is neither ATen nor one of ExecuTorch's own kernel "
                    + "libraries. The runtime runs it only if the application links a kernel of that name; review "
                    + "where that kernel comes from.");
    public static final Rule UNKNOWN_BACKEND = new Rule("MG-PTE-002", Severity.MEDIUM, "unknown",
            "Delegate to an unknown backend",
            "Part of the program is delegated to a backend that is not one of ExecuTorch's published backends. "
                    + "The delegate's payload is handed to that backend's native code when the program loads; review "
                    + "the backend.");

    public static final List<Rule> ALL = List.of(CUSTOM_OPERATOR, UNKNOWN_BACKEND);

    private ExecutorchRules() {
    }
}
