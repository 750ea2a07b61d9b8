package io.modelgate.cli.report;

import io.modelgate.assessment.ScanAssessment;

/** Renders a scan assessment and the policy decision in one report format. Writers never re-read files. */
@FunctionalInterface
public interface AssessmentWriter {

    String render(ScanAssessment scan, ReportDecision decision);
}
