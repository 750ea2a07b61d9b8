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
}
