package io.modelgate.cli.report;

import io.modelgate.assessment.ScanAssessment;
import io.modelgate.rules.policy.Decision;
import io.modelgate.sbom.TextOutput;
import io.modelgate.sbom.cyclonedx.CycloneDxBomBuilder;
import io.modelgate.sbom.cyclonedx.CycloneDxWriter;
import io.modelgate.sbom.spdx.SpdxDocumentBuilder;

import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.util.List;

/**
 * Writes the reports of {@code --report FORMAT=FILE}: every format from the same assessment and decision, so
 * the same model gets the same decision in each. Each file appears whole or not at all.
 */
public final class ReportFiles {

    private final Clock clock;
    private final AssessmentWriters writers = AssessmentWriters.standard();

    public ReportFiles(Clock clock) {
        this.clock = clock;
    }

    public void writeAll(List<ReportTarget> targets, ScanAssessment scan, Decision decision) throws IOException {
        ReportTargets.checkDistinct(targets);
        for (ReportTarget target : targets) {
            AssessmentWriters.write(target.file(), out -> write(target.format(), scan, decision, out));
        }
    }

    /** One report as text. */
    public String render(String format, ScanAssessment scan, Decision decision) throws IOException {
        return TextOutput.of(out -> write(format, scan, decision, out));
    }

    /** Writes one report; the writers that can write as they go do, so a large report is not held whole. */
    private void write(String format, ScanAssessment scan, Decision decision, Writer out) throws IOException {
        switch (format) {
            case "text", "json" -> ReportWriters.forFormat(ReportFormat.valueOf(format)).write(scan, decision, out);
            case "cyclonedx" -> CycloneDxWriter.write(new CycloneDxBomBuilder(clock).build(scan, decision),
                    CycloneDxWriter.Encoding.JSON, out);
            case "cyclonedx-xml" -> CycloneDxWriter.write(new CycloneDxBomBuilder(clock).build(scan, decision),
                    CycloneDxWriter.Encoding.XML, out);
            case "spdx" -> new SpdxDocumentBuilder(clock).write(scan, decision, out);
            default -> writers.forFormat(format).write(scan, DecisionReports.of(decision), out);
        }
    }
}
