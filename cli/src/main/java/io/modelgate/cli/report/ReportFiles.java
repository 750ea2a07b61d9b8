package io.modelgate.cli.report;

import io.modelgate.assessment.ScanAssessment;
import io.modelgate.rules.policy.Decision;
import io.modelgate.sbom.cyclonedx.CycloneDxBomBuilder;
import io.modelgate.sbom.cyclonedx.CycloneDxWriter;
import io.modelgate.sbom.spdx.SpdxDocumentBuilder;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

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
            Optional<ReportWriter> streamed = streamedWriter(target.format());
            if (streamed.isPresent()) {
                AssessmentWriters.write(target.file(), out -> streamed.get().write(scan, decision, out));
            } else {
                AssessmentWriters.write(target.file(), render(target.format(), scan, decision));
            }
        }
    }

    /** One report as text. */
    public String render(String format, ScanAssessment scan, Decision decision) throws IOException {
        Optional<ReportWriter> streamed = streamedWriter(format);
        if (streamed.isPresent()) {
            StringWriter out = new StringWriter();
            streamed.get().write(scan, decision, out);
            return out.toString();
        }
        return switch (format) {
            case "cyclonedx" -> CycloneDxWriter.write(new CycloneDxBomBuilder(clock).build(scan, decision),
                    CycloneDxWriter.Encoding.JSON);
            case "cyclonedx-xml" -> CycloneDxWriter.write(new CycloneDxBomBuilder(clock).build(scan, decision),
                    CycloneDxWriter.Encoding.XML);
            case "spdx" -> new SpdxDocumentBuilder(clock).build(scan, decision);
            default -> writers.forFormat(format).render(scan, DecisionReports.of(decision));
        };
    }

    /** The writers that write a report as they go (to a file, without holding it as text first). */
    private static Optional<ReportWriter> streamedWriter(String format) {
        return switch (format) {
            case "text" -> Optional.of(new TextReportWriter());
            case "json" -> Optional.of(new JsonReportWriter());
            default -> Optional.empty();
        };
    }
}
