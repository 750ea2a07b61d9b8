package io.modelgate.cli.report;

import io.modelgate.assessment.ScanAssessment;
import io.modelgate.sbom.TextOutput;

import java.io.IOException;
import java.io.Writer;

/** A writer that writes its report as it goes; the text of the report, when one is wanted, is what it writes. */
@FunctionalInterface
public interface StreamedAssessmentWriter extends AssessmentWriter {

    @Override
    void write(ScanAssessment scan, ReportDecision decision, Writer out) throws IOException;

    @Override
    default String render(ScanAssessment scan, ReportDecision decision) {
        return TextOutput.of(out -> write(scan, decision, out));
    }
}
