package io.modelgate.cli.report;

import io.modelgate.assessment.ScanAssessment;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/** A writer that writes its report as it goes; the text of the report, when one is wanted, is what it writes. */
@FunctionalInterface
public interface StreamedAssessmentWriter extends AssessmentWriter {

    @Override
    void write(ScanAssessment scan, ReportDecision decision, Writer out) throws IOException;

    @Override
    default String render(ScanAssessment scan, ReportDecision decision) {
        StringWriter out = new StringWriter();
        try {
            write(scan, decision, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
