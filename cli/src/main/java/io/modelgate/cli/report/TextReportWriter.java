package io.modelgate.cli.report;

import io.modelgate.rules.gate.GateResult;
import io.modelgate.provenance.identity.ModelProvenance;
import io.modelgate.provenance.identity.ProvenanceResult;
import io.modelgate.scanner.ToolInfo;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.ScanReport;
import io.modelgate.scanner.model.Severity;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The human-readable summary: one line per file with its verdict, then the findings, then the gate. */
public final class TextReportWriter implements ReportWriter {

    @Override
    public String render(ScanReport report, GateResult gate) {
        return render(report, List.of(), gate);
    }

    @Override
    public String render(ProvenanceResult result, GateResult gate) {
        return render(result.report(), result.models(), gate);
    }

    private String render(ScanReport report, List<ModelProvenance> models, GateResult gate) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s %s: %d file(s) scanned in %.1f s%n%n", ToolInfo.NAME,
                report.toolVersion(), report.files().size(), report.durationMillis() / 1000.0));
        int formatWidth = report.files().stream().mapToInt(f -> f.format().length()).max().orElse(6);
        for (FileResult file : report.files()) {
            out.append(String.format(Locale.ROOT, "%-10s %-" + formatWidth + "s  %s%n",
                    file.status().id().toUpperCase(Locale.ROOT), file.format(), file.path()));
        }
        IdentityCards.append(out, models);
        boolean any = report.files().stream().anyMatch(f -> !f.findings().isEmpty());
        if (any) {
            out.append(String.format("%nFindings:%n"));
            for (FileResult file : report.files()) {
                for (Finding finding : file.findings()) {
                    appendFinding(out, finding);
                }
            }
        }
        boolean incomplete = report.files().stream().anyMatch(f -> !f.incompleteReasons().isEmpty());
        if (incomplete) {
            out.append(String.format("%nNot fully analysed:%n"));
            for (FileResult file : report.files()) {
                for (String reason : file.incompleteReasons()) {
                    out.append("  ").append(reason).append('\n');
                }
            }
        }
        Map<Severity, Integer> counts = report.countBySeverity();
        out.append(String.format("%nSummary: %s%n", counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().id())
                .collect(Collectors.joining(", "))));
        out.append(ReportWriters.gateLine(gate)).append('\n');
        return out.toString();
    }

    private static void appendFinding(StringBuilder out, Finding finding) {
        String where = finding.location().path().toString();
        if (finding.location().hasOffset()) {
            where += " @" + finding.location().offset();
        }
        out.append(String.format(Locale.ROOT, "  %-8s %-12s %s%n", finding.severity().id().toUpperCase(Locale.ROOT),
                finding.ruleId(), where));
        String head = finding.rule().title() + (finding.subject() == null ? "" : ": " + finding.subject());
        out.append("           ").append(head).append('\n');
        for (String line : TextWrap.wrap(finding.message(), 88)) {
            out.append("           ").append(line).append('\n');
        }
    }
}
