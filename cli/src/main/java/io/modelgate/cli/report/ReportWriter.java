package io.modelgate.cli.report;

import io.modelgate.rules.gate.GateResult;
import io.modelgate.scanner.model.ScanReport;

/** Renders a scan report and its gate decision in one format. */
public interface ReportWriter {

    String render(ScanReport report, GateResult gate);
}
