package io.modelgate.cli.report;

import io.modelgate.assessment.ScanAssessment;
import io.modelgate.rules.gate.GateResult;

import java.io.IOException;
import java.io.Writer;

/** Writes a scan assessment and its gate decision in one format, straight to a stream. */
public interface ReportWriter {

    void write(ScanAssessment scan, GateResult gate, Writer out) throws IOException;
}
