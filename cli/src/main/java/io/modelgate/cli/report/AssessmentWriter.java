package io.modelgate.cli.report;

import io.modelgate.assessment.ScanAssessment;

import java.io.IOException;
import java.io.Writer;

/** Renders a scan assessment and the policy decision in one report format. Writers never re-read files. */
@FunctionalInterface
public interface AssessmentWriter {

    String render(ScanAssessment scan, ReportDecision decision);

    /** Writes the report to {@code out}; a writer that can write as it goes overrides this. */
    default void write(ScanAssessment scan, ReportDecision decision, Writer out) throws IOException {
        out.write(render(scan, decision));
        out.flush();
    }
}
