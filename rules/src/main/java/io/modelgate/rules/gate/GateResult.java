package io.modelgate.rules.gate;

import io.modelgate.scanner.model.Finding;

import java.util.List;

/**
 * The gate decision with what caused it.
 *
 * @param policy          the policy applied
 * @param outcome         pass, or why it failed; blocking findings win over incomplete files
 * @param blocking        findings that fail the gate
 * @param incompleteFiles files, units or folders not fully analysed (errors included) that fail the gate,
 *                        by display path
 */
public record GateResult(GatePolicy policy, GateOutcome outcome, List<Finding> blocking,
                         List<String> incompleteFiles) {

    public GateResult {
        blocking = List.copyOf(blocking);
        incompleteFiles = List.copyOf(incompleteFiles);
    }

    public boolean passed() {
        return outcome == GateOutcome.PASS;
    }
}
