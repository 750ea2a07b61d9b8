package io.modelgate.rules.gate;

import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.FileStatus;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.ScanReport;

import java.util.ArrayList;
import java.util.List;

/** Applies a {@link GatePolicy} to a scan report. */
public final class GateEvaluator {

    public GateResult evaluate(ScanReport report, GatePolicy policy) {
        List<Finding> blocking = new ArrayList<>();
        List<FileResult> incomplete = new ArrayList<>();
        for (FileResult file : report.files()) {
            for (Finding finding : file.findings()) {
                if (blocks(finding, policy)) {
                    blocking.add(finding);
                }
            }
            boolean notAnalysed = file.status() == FileStatus.INCOMPLETE || file.status() == FileStatus.ERROR;
            if (notAnalysed && !policy.allowIncomplete()) {
                incomplete.add(file);
            }
        }
        GateOutcome outcome;
        if (!blocking.isEmpty()) {
            outcome = GateOutcome.FAIL_FINDINGS;
        } else if (!incomplete.isEmpty()) {
            outcome = GateOutcome.FAIL_INCOMPLETE;
        } else {
            outcome = GateOutcome.PASS;
        }
        return new GateResult(policy, outcome, blocking, incomplete);
    }

    private static boolean blocks(Finding finding, GatePolicy policy) {
        if (finding.severity().atLeast(policy.failOn())) {
            return true;
        }
        return policy.strict() && GatePolicy.UNKNOWN_CATEGORY.equals(finding.rule().category());
    }
}
