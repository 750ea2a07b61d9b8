package io.modelgate.cli.report;

import io.modelgate.assessment.IncompleteReason;
import io.modelgate.assessment.ModelAssessment;
import io.modelgate.assessment.ScanAssessment;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Severity;

import java.util.List;
import java.util.Map;

/**
 * A pull-request comment: the decision and its reasons, one identity line per model, the most serious
 * findings and what was not analysed. Everything from the scanned files is escaped; lists are capped so the
 * comment stays within what code hosts accept.
 */
public final class MarkdownReportWriter implements AssessmentWriter {

    static final int MAX_ROWS = 20;

    @Override
    public String render(ScanAssessment scan, ReportDecision decision) {
        StringBuilder md = new StringBuilder();
        md.append("## ModelGate: ").append(Markdown.escape(decision.outcome())).append("\n\n");
        md.append("Policy ").append(Markdown.code(ReportText.orUnknown(decision.policyName())));
        if (decision.policyVersion() != null) {
            md.append(" version ").append(Markdown.code(decision.policyVersion()));
        }
        Map<Severity, Integer> counts = scan.countBySeverity();
        md.append(" · ").append(scan.models().size()).append(" model(s), ").append(scan.allFiles().size())
                .append(" file(s) · findings: ");
        for (Severity s : Severity.values()) {
            md.append(counts.get(s)).append(' ').append(s.id()).append(s == Severity.INFO ? "" : ", ");
        }
        md.append("\n\n");
        reasons(md, decision);
        models(md, scan.models());
        findings(md, scan.allFindings());
        notAnalysed(md, scan.allIncomplete());
        if (!decision.waivers().isEmpty()) {
            md.append("### Waivers applied\n\n");
            for (ReportDecision.WaiverUse w : decision.waivers()) {
                md.append("- ").append(Markdown.code(w.rule())).append(" on ").append(Markdown.code(w.path()))
                        .append(": ").append(Markdown.escape(w.reason())).append(" (owner ")
                        .append(Markdown.escape(ReportText.orUnknown(w.owner())))
                        .append(w.expires() == null ? "" : ", until " + Markdown.escape(w.expires())).append(")\n");
            }
            md.append('\n');
        }
        md.append("<sub>ModelGate ").append(Markdown.escape(scan.toolVersion())).append(", scanned ")
                .append(Markdown.escape(scan.startedAt().toString())).append("</sub>\n");
        return md.toString();
    }

    private static void reasons(StringBuilder md, ReportDecision decision) {
        if (decision.reasons().isEmpty()) {
            md.append("Nothing stands against approval.\n\n");
            return;
        }
        md.append("**Reasons**\n\n");
        List<ReportDecision.Reason> shown = decision.reasons().stream().limit(MAX_ROWS).toList();
        for (ReportDecision.Reason r : shown) {
            md.append("- **").append(Markdown.escape(r.effect())).append("** ").append(Markdown.code(r.code()));
            if (r.model() != null) {
                md.append(" in ").append(Markdown.code(r.model()));
            }
            md.append(": ").append(Markdown.escape(r.message())).append('\n');
        }
        more(md, decision.reasons().size() - shown.size(), "reason");
    }

    private static void models(StringBuilder md, List<ModelAssessment> models) {
        if (models.isEmpty()) {
            return;
        }
        md.append("### Models\n\n| Model | Family | Publisher | License | Signature | Lock | Digest |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (ModelAssessment m : models.stream().limit(MAX_ROWS).toList()) {
            md.append("| ").append(Markdown.code(m.path()))
                    .append(" | ").append(Markdown.escape(ReportText.family(m)))
                    .append(" | ").append(Markdown.escape(ReportText.publisher(m)))
                    .append(" | ").append(Markdown.escape(ReportText.license(m)))
                    .append(" | ").append(Markdown.escape(ReportText.signature(m)))
                    .append(" | ").append(Markdown.escape(m.integrity().lock().id()))
                    .append(" | ").append(m.digest() == null ? "–" : Markdown.code(shortDigest(m.digest())))
                    .append(" |\n");
        }
        md.append('\n');
        more(md, models.size() - MAX_ROWS, "model");
    }

    private static void findings(StringBuilder md, List<Finding> all) {
        List<Finding> sorted = ReportFindings.bySeverity(all).stream()
                .filter(f -> f.severity() != Severity.INFO).toList();
        if (sorted.isEmpty()) {
            return;
        }
        md.append("### Top findings\n\n| Severity | Rule | Where | What |\n|---|---|---|---|\n");
        for (Finding f : sorted.stream().limit(MAX_ROWS).toList()) {
            md.append("| ").append(f.severity().id()).append(" | ").append(Markdown.code(f.ruleId()))
                    .append(" | ").append(Markdown.code(f.location().toString()))
                    .append(" | ").append(Markdown.escape(f.message())).append(" |\n");
        }
        md.append('\n');
        more(md, sorted.size() - MAX_ROWS, "finding");
    }

    private static void notAnalysed(StringBuilder md, List<IncompleteReason> reasons) {
        if (reasons.isEmpty()) {
            return;
        }
        md.append("### Not analysed completely\n\n");
        reasons.stream().limit(MAX_ROWS).forEach(r -> md.append("- ").append(Markdown.code(r.file())).append(": ")
                .append(Markdown.escape(r.reason())).append('\n'));
        md.append('\n');
        more(md, reasons.size() - MAX_ROWS, "file");
    }

    private static void more(StringBuilder md, int hidden, String what) {
        if (hidden > 0) {
            md.append("… and ").append(hidden).append(" more ").append(what).append("(s) in the full report.\n\n");
        }
    }

    private static String shortDigest(String digest) {
        int colon = digest.indexOf(':');
        String hex = digest.substring(colon + 1);
        return digest.substring(0, colon + 1) + hex.substring(0, Math.min(16, hex.length()));
    }
}
