package io.modelgate.scanner.testing;

import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.ScanReport;

import java.util.List;

/** Views of a whole scan report that many end-to-end tests assert on. */
public final class ScanReports {

    private ScanReports() {
    }

    /** Every file's findings, in file order. */
    public static List<Finding> findings(ScanReport report) {
        return report.allFindings();
    }

    /** Every finding located on the artifact whose path ends with {@code suffix}: the file's and the folder checks'. */
    public static List<Finding> findingsAt(ScanReport report, String suffix) {
        return report.allFindings().stream().filter(f -> f.location().path().toString().endsWith(suffix)).toList();
    }

    /** Why the file whose path ends with {@code suffix} was not fully analysed, by itself or by a folder check. */
    public static List<String> incompleteAt(ScanReport report, String suffix) {
        List<String> reasons = new java.util.ArrayList<>();
        report.files().stream().filter(f -> f.path().endsWith(suffix)).forEach(f -> reasons.addAll(f.incompleteReasons()));
        report.folders().forEach(folder -> folder.incomplete().forEach((path, r) -> {
            if (path.endsWith(suffix)) {
                reasons.addAll(r);
            }
        }));
        return reasons;
    }
}
