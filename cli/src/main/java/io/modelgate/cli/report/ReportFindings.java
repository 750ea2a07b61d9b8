package io.modelgate.cli.report;

import io.modelgate.scanner.digest.Sha256;
import io.modelgate.scanner.model.Finding;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

/** How the report writers order and identify findings. */
final class ReportFindings {

    /** Most serious first; within a severity, the scanner's report order (path, offset, rule, subject). */
    static final Comparator<Finding> BY_SEVERITY = Comparator.comparing(Finding::severity)
            .thenComparing(Finding.REPORT_ORDER);

    private ReportFindings() {
    }

    static List<Finding> bySeverity(List<Finding> findings) {
        return findings.stream().sorted(BY_SEVERITY).toList();
    }

    /**
     * A fingerprint that survives re-scans and unrelated changes: rule, artifact path and subject, not the
     * message wording nor the position in the report. The byte offset is included because two findings of a
     * rule on one artifact differ by it (two calls to os.system in one pickle).
     */
    static String fingerprint(Finding finding) {
        String key = finding.ruleId() + "\n" + finding.location().path() + "\n" + finding.location().offset() + "\n"
                + (finding.subject() == null ? "" : finding.subject());
        return Sha256.ofBytes(key.getBytes(StandardCharsets.UTF_8));
    }
}
