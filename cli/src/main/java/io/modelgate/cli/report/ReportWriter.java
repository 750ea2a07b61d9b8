package io.modelgate.cli.report;

import io.modelgate.rules.gate.GateResult;
import io.modelgate.provenance.identity.ProvenanceResult;
import io.modelgate.scanner.model.ScanReport;

/** Renders a scan report and its gate decision in one format. */
public interface ReportWriter {

    String render(ScanReport report, GateResult gate);

    /** Renders a report enriched with provenance; writers that show model units override this. */
    default String render(ProvenanceResult result, GateResult gate) {
        return render(result.report(), gate);
    }
}
