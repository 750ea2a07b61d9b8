package io.modelgate.rules.gate;

import io.modelgate.assessment.IncompleteReason;
import io.modelgate.assessment.ScanAssessment;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.FileStatus;
import io.modelgate.scanner.model.Finding;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies a {@link GatePolicy} to a scan assessment: every finding (of files, units and the scan) and every
 * file or check that could not be analysed completely. The one place the gate is evaluated.
 */
public final class GateEvaluator {

    public GateResult evaluate(ScanAssessment scan, GatePolicy policy) {
        List<Finding> blocking = scan.allFindings().stream().filter(f -> blocks(f, policy)).toList();
        Set<String> incomplete = new LinkedHashSet<>();
        if (!policy.allowIncomplete()) {
            for (FileResult file : scan.allFiles()) {
                if (file.status() == FileStatus.INCOMPLETE || file.status() == FileStatus.ERROR) {
                    incomplete.add(file.path());
                }
            }
            scan.allIncomplete().stream().map(IncompleteReason::file).forEach(incomplete::add);
        }
        GateOutcome outcome;
        if (!blocking.isEmpty()) {
            outcome = GateOutcome.FAIL_FINDINGS;
        } else if (!incomplete.isEmpty()) {
            outcome = GateOutcome.FAIL_INCOMPLETE;
        } else {
            outcome = GateOutcome.PASS;
        }
        return new GateResult(policy, outcome, blocking, new ArrayList<>(incomplete));
    }

    private static boolean blocks(Finding finding, GatePolicy policy) {
        if (finding.severity().atLeast(policy.failOn())) {
            return true;
        }
        return policy.strict() && GatePolicy.UNKNOWN_CATEGORY.equals(finding.rule().category());
    }
}
