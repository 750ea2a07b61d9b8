package io.modelgate.cli.report;

import java.nio.file.Path;

/** One {@code --report FORMAT=FILE}: a report format and the file it is written to. */
public record ReportTarget(String format, Path file) {
}
