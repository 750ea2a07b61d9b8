package io.modelgate.cli.report;

import io.modelgate.assessment.IncompleteReason;
import io.modelgate.assessment.ModelAssessment;
import io.modelgate.assessment.ScanAssessment;
import io.modelgate.rules.policy.Decision;
import io.modelgate.scanner.ToolInfo;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Severity;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The human-readable summary: one line per file with its verdict, the models, then the findings, then the
 * decision.
 */
public final class TextReportWriter implements ReportWriter {

    @Override
    public void write(ScanAssessment scan, Decision decision, Writer out) throws IOException {
        List<FileResult> files = scan.allFiles();
        out.write(String.format(Locale.ROOT, "%s %s: %d file(s) scanned in %.1f s%n%n", ToolInfo.NAME,
                scan.toolVersion(), files.size(), scan.durationMillis() / 1000.0));
        int formatWidth = files.stream().mapToInt(f -> f.format().length()).max().orElse(6);
        StringBuilder line = new StringBuilder(256);
        for (FileResult file : files) {
            line.setLength(0);
            TextColumns.padded(line, file.status().id().toUpperCase(Locale.ROOT), 10).append(' ');
            TextColumns.padded(line, file.format(), formatWidth).append("  ").append(file.path())
                    .append(TextColumns.NL);
            out.append(line);
        }
        IdentityCards.write(out, scan.models());
        List<Finding> findings = ReportFindings.bySeverity(scan.allFindings());
        if (!findings.isEmpty()) {
            out.write(String.format("%nFindings:%n"));
            for (Finding finding : findings) {
                line.setLength(0);
                appendFinding(line, finding);
                out.append(line);
            }
        }
        List<String> reasons = incompleteLines(scan);
        if (!reasons.isEmpty()) {
            out.write(String.format("%nNot fully analysed:%n"));
            for (String reason : reasons) {
                out.write("  " + reason + "\n");
            }
        }
        Map<Severity, Integer> counts = scan.countBySeverity();
        out.write(String.format("%nSummary: %s%n", counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().id())
                .collect(Collectors.joining(", "))));
        out.write(DecisionText.block(decision));
        out.flush();
    }

    /** Files' own reasons already name the artifact; unit and scan level ones get the path in front. */
    private static List<String> incompleteLines(ScanAssessment scan) {
        List<String> lines = new java.util.ArrayList<>();
        scan.allFiles().forEach(f -> lines.addAll(f.incompleteReasons()));
        for (ModelAssessment model : scan.models()) {
            model.incomplete().forEach(r -> lines.add(r.file() + ": " + r.reason()));
        }
        for (IncompleteReason r : scan.incomplete()) {
            lines.add(r.file() + ": " + r.reason());
        }
        return lines;
    }

    private static void appendFinding(StringBuilder out, Finding finding) {
        String where = finding.location().path().toString();
        if (finding.location().hasOffset()) {
            where += " @" + finding.location().offset();
        }
        TextColumns.padded(out.append("  "), finding.severity().id().toUpperCase(Locale.ROOT), 8).append(' ');
        TextColumns.padded(out, finding.ruleId(), 12).append(' ').append(where).append(TextColumns.NL);
        String head = finding.rule().title() + (finding.subject() == null ? "" : ": " + finding.subject());
        out.append("           ").append(head).append('\n');
        for (String line : TextWrap.wrap(finding.message(), 88)) {
            out.append("           ").append(line).append('\n');
        }
    }
}
