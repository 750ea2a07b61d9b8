package io.modelgate.cli.report;

import io.modelgate.assessment.ScanAssessment;
import io.modelgate.sbom.TextOutput;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The writers for {@code --report FORMAT=FILE}, by format name. {@link #standard()} has sarif, html, markdown
 * and junit; text and json are added where their writers read the assessment:
 * {@code AssessmentWriters.standard().with("text", ...).with("json", ...)}.
 */
public final class AssessmentWriters {

    private final Map<String, AssessmentWriter> writers;

    private AssessmentWriters(Map<String, AssessmentWriter> writers) {
        this.writers = Map.copyOf(writers);
    }

    public static AssessmentWriters standard() {
        Map<String, AssessmentWriter> writers = new LinkedHashMap<>();
        writers.put("sarif", new SarifReportWriter());
        writers.put("html", new HtmlReportWriter());
        writers.put("markdown", new MarkdownReportWriter());
        writers.put("junit", new JunitReportWriter());
        return new AssessmentWriters(writers);
    }

    public AssessmentWriters with(String format, AssessmentWriter writer) {
        if (!ReportTargets.FORMATS.contains(format)) {
            throw new IllegalArgumentException("not a report format: " + format);
        }
        Map<String, AssessmentWriter> more = new LinkedHashMap<>(writers);
        more.put(format, writer);
        return new AssessmentWriters(more);
    }

    public AssessmentWriter forFormat(String format) {
        AssessmentWriter writer = writers.get(format);
        if (writer == null) {
            throw new IllegalStateException("no writer for report format " + format);
        }
        return writer;
    }

    /**
     * Writes each report. A report is written to a temporary file next to its target and moved into place, so
     * a CI step never reads half a report.
     */
    public void writeAll(List<ReportTarget> targets, ScanAssessment scan, ReportDecision decision) throws IOException {
        ReportTargets.checkDistinct(targets);
        for (ReportTarget target : targets) {
            AssessmentWriter writer = forFormat(target.format());
            write(target.file(), out -> writer.write(scan, decision, out));
        }
    }

    /**
     * Writes the report {@code content} writes, as UTF-8, to a temporary file next to {@code file}, then moves it
     * into place: a report written as it is made never sits in memory whole.
     */
    static void write(Path file, TextOutput.Document content) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, ".modelgate-report", ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                content.writeTo(out);
            }
            readableByAll(temp);
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Temporary files are private to their owner; a report is as readable as any file the user writes. */
    private static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }
}
