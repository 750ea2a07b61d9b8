package io.modelgate.cli.report;

/** Report formats of {@code modelgate scan --format}. */
public enum ReportFormat {
    text,
    json
}
