package io.modelgate.cli.report;

/** The registry of report writers, one per {@link ReportFormat}. */
public final class ReportWriters {

    private ReportWriters() {
    }

    public static ReportWriter forFormat(ReportFormat format) {
        return switch (format) {
            case text -> new TextReportWriter();
            case json -> new JsonReportWriter();
        };
    }
}
