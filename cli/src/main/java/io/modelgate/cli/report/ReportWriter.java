package io.modelgate.cli.report;

import io.modelgate.assessment.ScanAssessment;
import io.modelgate.rules.policy.Decision;

import java.io.IOException;
import java.io.Writer;

/** Writes a scan assessment and the policy's decision in one format, straight to a stream. */
public interface ReportWriter {

    void write(ScanAssessment scan, Decision decision, Writer out) throws IOException;
}
