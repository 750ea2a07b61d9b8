package io.modelgate.cli.report;

import io.modelgate.assessment.IncompleteReason;
import io.modelgate.assessment.IntegrityCheck;
import io.modelgate.assessment.ModelAssessment;
import io.modelgate.assessment.ScanAssessment;
import io.modelgate.assessment.Signature;
import io.modelgate.provenance.identity.Evidence;
import io.modelgate.provenance.license.LicenseVerdict;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.FileStatus;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Severity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The procurement report: one self-contained HTML file a reviewer can attach to an approval. A decision banner
 * with its reasons, an identity card per model, findings grouped by severity with their evidence and
 * explanation, the waivers applied, and what was not analysed and why. No scripts and no external resources
 * (a Content-Security-Policy forbids fetching anything); every value from the scan is escaped, since file names,
 * metadata and messages come from hostile files. Readable on screen and on paper.
 */
public final class HtmlReportWriter implements StreamedAssessmentWriter {

    /** Writes the page as it goes: a scan of many files has a card per model, more than a page holds at once. */
    @Override
    public void write(ScanAssessment scan, ReportDecision decision, Writer out) throws IOException {
        try {
            page(new Html(out), scan, decision);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }

    private static void page(Html h, ScanAssessment scan, ReportDecision decision) {
        h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
        h.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.raw("<title>").text("ModelGate report: " + decision.outcome()).raw("</title>\n<style>")
                .raw(HtmlStyle.CSS).raw("</style>\n</head>\n<body>\n");
        header(h, scan, decision);
        banner(h, decision);
        summary(h, scan);
        h.raw("<section id=\"models\"><h2>Models</h2>\n");
        if (scan.models().isEmpty()) {
            h.raw("<p class=\"muted\">No model unit was found.</p>\n");
        }
        scan.models().forEach(m -> card(h, m));
        h.raw("</section>\n");
        findings(h, scan);
        waivers(h, decision);
        notAnalysed(h, scan);
        h.raw("<footer>").text("ModelGate " + scan.toolVersion() + " · knowledge base "
                + ReportText.orUnknown(scan.kbVersion()) + " · scan started " + scan.startedAt() + " · "
                + scan.durationMillis() + " ms").raw("</footer>\n</body>\n</html>\n");
    }

    private static void header(Html h, ScanAssessment scan, ReportDecision decision) {
        h.raw("<header><h1>ModelGate report</h1><p class=\"muted\">Scanned ");
        h.text(String.join(", ", scan.roots())).raw(" · policy ").text(ReportText.orUnknown(decision.policyName()));
        if (decision.policyVersion() != null) {
            h.text(" " + decision.policyVersion());
        }
        h.raw("</p></header>\n");
    }

    private static void banner(Html h, ReportDecision decision) {
        String outcome = decision.outcome() == null ? "UNKNOWN" : decision.outcome();
        String css = switch (outcome) {
            case "APPROVE" -> "approve";
            case "REVIEW" -> "review";
            default -> "reject";
        };
        h.raw("<section class=\"banner ").raw(css).raw("\" id=\"decision\"><div class=\"outcome\">").text(outcome)
                .raw("</div>\n");
        if (decision.incomplete()) {
            h.raw("<p><strong>Analysis incomplete:</strong> some files could not be analysed completely; "
                    + "they are never counted as clean.</p>\n");
        }
        if (decision.reasons().isEmpty()) {
            h.raw("<p>Nothing in the policy stands against approval.</p>\n");
        } else {
            h.raw("<ol class=\"reasons\">\n");
            for (ReportDecision.Reason r : decision.reasons()) {
                h.raw("<li><span class=\"tag ").raw(r.effect() != null && r.effect().equals("REJECT") ? "reject" : "review")
                        .raw("\">").text(r.effect()).raw("</span> <code>").text(r.code()).raw("</code> ");
                if (r.model() != null) {
                    h.raw("<span class=\"where\">").text(r.model()).raw("</span> ");
                }
                h.text(r.message());
                if (r.ruleId() != null || r.file() != null) {
                    h.raw(" <span class=\"muted\">(").text(join(r.ruleId(), r.file())).raw(")</span>");
                }
                h.raw("</li>\n");
            }
            h.raw("</ol>\n");
        }
        if (!decision.notes().isEmpty()) {
            h.raw("<details class=\"notes\" open><summary>").text(decision.notes().size() + " note(s), holding nothing back")
                    .raw("</summary><ul>\n");
            for (ReportDecision.Reason n : decision.notes()) {
                h.raw("<li><code>").text(n.code()).raw("</code> ");
                if (n.model() != null) {
                    h.raw("<span class=\"where\">").text(n.model()).raw("</span> ");
                }
                h.text(n.message()).raw("</li>\n");
            }
            h.raw("</ul></details>\n");
        }
        h.raw("</section>\n");
    }

    private static void summary(Html h, ScanAssessment scan) {
        Map<Severity, Integer> severities = scan.countBySeverity();
        Map<FileStatus, Integer> statuses = scan.countByStatus();
        h.raw("<section id=\"summary\"><h2>Summary</h2><table class=\"counts\"><tr>");
        for (Severity s : Severity.values()) {
            h.raw("<th class=\"sev-").raw(s.id()).raw("\">").text(s.id()).raw("</th>");
        }
        h.raw("<th>models</th><th>files</th>");
        for (FileStatus s : FileStatus.values()) {
            h.raw("<th>").text(s.id()).raw("</th>");
        }
        h.raw("</tr><tr>");
        for (Severity s : Severity.values()) {
            h.raw("<td>").text(String.valueOf(severities.get(s))).raw("</td>");
        }
        h.raw("<td>").text(String.valueOf(scan.models().size())).raw("</td><td>")
                .text(String.valueOf(scan.allFiles().size())).raw("</td>");
        for (FileStatus s : FileStatus.values()) {
            h.raw("<td>").text(String.valueOf(statuses.get(s))).raw("</td>");
        }
        h.raw("</tr></table></section>\n");
    }

    private static void card(Html h, ModelAssessment m) {
        h.raw("<article class=\"card\"><h3>").text(m.name() != null ? m.name() : m.path()).raw("</h3>\n<dl>\n");
        row(h, "Path", m.path());
        row(h, "Packaging", m.kind() == null ? "unknown" : m.kind().id());
        if (m.container() != null) {
            row(h, "Found inside", m.container().path() + " (" + ReportText.orUnknown(m.container().type())
                    + (m.container().name() == null ? "" : ", " + m.container().name()
                    + (m.container().version() == null ? "" : " " + m.container().version())) + ")");
        }
        row(h, "Family", ReportText.family(m));
        row(h, "Publisher", ReportText.orUnknown(m.identity().publisher()));
        row(h, "Country", ReportText.orUnknown(m.identity().country()));
        if (m.identity().architectureFamily() != null || m.identity().tokenizerFamily() != null) {
            row(h, "Architecture / tokenizer", ReportText.orUnknown(m.identity().architectureFamily()) + " / "
                    + ReportText.orUnknown(m.identity().tokenizerFamily()));
        }
        row(h, "Base chain", ReportText.baseChain(m));
        license(h, m.license());
        signature(h, m.signature());
        integrity(h, m);
        h.raw("<dt>Whole-model digest</dt><dd><code class=\"digest\">").text(ReportText.digest(m)).raw("</code></dd>\n");
        h.raw("</dl>\n");
        files(h, m.files());
        evidence(h, m.identity().evidence());
        h.raw("</article>\n");
    }

    private static void license(Html h, LicenseVerdict license) {
        if (license == null) {
            row(h, "License", "not assessed");
            return;
        }
        row(h, "License", (license.id() != null ? license.id() : "none identified")
                + (license.name() != null && !license.name().equals(license.id()) ? " (" + license.name() + ")" : "")
                + (license.source() == null ? "" : ", from " + license.source()));
        String commercial = ReportText.orUnknown(license.commercialUse());
        h.raw("<dt>Commercial use</dt><dd><span class=\"tag ").raw(switch (commercial) {
            case "true" -> "approve";
            case "false" -> "reject";
            default -> "review";
        }).raw("\">").text(commercial).raw("</span></dd>\n");
        list(h, "Obligations", license.obligations(), "none recorded");
        list(h, "Conflicts", license.conflicts(), "none");
    }

    private static void signature(Html h, Signature sig) {
        h.raw("<dt>Signature</dt><dd><span class=\"tag ").raw(switch (sig.status()) {
            case VALID -> "approve";
            case INVALID -> "reject";
            default -> "review";
        }).raw("\">").text(sig.status().id()).raw("</span>");
        if (sig.method() != null) {
            h.text(" " + sig.method());
        }
        h.raw("</dd>\n");
        if (sig.signer() != null) {
            row(h, "Signer", sig.signer());
        }
        if (sig.verifiedWith() != null) {
            row(h, "Verified with", sig.verifiedWith());
        }
        if (sig.subjectDigest() != null) {
            h.raw("<dt>Signed digest</dt><dd><code class=\"digest\">").text(sig.subjectDigest()).raw("</code></dd>\n");
        }
        if (!sig.notVerified().isEmpty()) {
            list(h, "Not verified offline", sig.notVerified(), "");
        }
    }

    private static void integrity(Html h, ModelAssessment m) {
        row(h, "Lock", ReportText.lock(m));
        if (m.integrity().checks().isEmpty()) {
            return;
        }
        h.raw("<dt>Digest checks</dt><dd><ul>");
        for (IntegrityCheck c : m.integrity().checks()) {
            h.raw("<li>").text(c.name() + ": " + c.status() + ", " + c.files() + " matched"
                    + (c.mismatched() > 0 ? ", " + c.mismatched() + " mismatched" : "")
                    + (c.source() == null ? "" : " (" + c.source() + ")")
                    + (c.detail() == null ? "" : ": " + c.detail()));
            changes(h, "changed", c.changed());
            changes(h, "changed kind", c.kindChanged());
            changes(h, "added", c.added());
            changes(h, "removed", c.removed());
            h.raw("</li>");
        }
        h.raw("</ul></dd>\n");
    }

    private static void changes(Html h, String what, List<String> names) {
        if (!names.isEmpty()) {
            h.raw("<br><span class=\"muted\">").text(what + ": ").raw("</span>").text(String.join(", ", names));
        }
    }

    private static void files(Html h, List<FileResult> files) {
        h.raw("<table class=\"files\"><caption>").text(files.size() + " file(s)").raw("</caption>")
                .raw("<tr><th>File</th><th>Format</th><th>Size</th><th>Status</th><th>SHA-256</th></tr>\n");
        for (FileResult f : files) {
            h.raw("<tr><td class=\"where\">").text(f.path()).raw("</td><td>").text(f.format()).raw("</td><td>")
                    .text(String.valueOf(f.size())).raw("</td><td class=\"st-").raw(f.status().id()).raw("\">")
                    .text(f.status().id()).raw("</td><td><code class=\"digest\">")
                    .text(f.sha256() == null ? "–" : f.sha256()).raw("</code></td></tr>\n");
        }
        h.raw("</table>\n");
    }

    private static void evidence(Html h, List<Evidence> evidence) {
        if (evidence.isEmpty()) {
            return;
        }
        h.raw("<table class=\"evidence\"><caption>Identity evidence</caption>")
                .raw("<tr><th>About</th><th>Fact</th><th>Value</th><th>Source</th><th>Points at</th><th>Stance</th></tr>\n");
        for (Evidence e : evidence) {
            h.raw("<tr><td>").text(e.aspect()).raw("</td><td>").text(e.kind()).raw("</td><td>").text(e.value())
                    .raw("</td><td class=\"where\">")
                    .text(e.source()).raw("</td><td>").text(e.family()).raw("</td><td>")
                    .text(e.stance() == null ? "" : e.stance().id()).raw("</td></tr>\n");
        }
        h.raw("</table>\n");
    }

    private static void findings(Html h, ScanAssessment scan) {
        Map<String, String> modelOfFile = new LinkedHashMap<>();
        scan.models().forEach(m -> m.files().forEach(f -> modelOfFile.put(f.path(), m.path())));
        Map<Severity, List<Finding>> bySeverity = new EnumMap<>(Severity.class);
        for (Finding f : ReportFindings.bySeverity(scan.allFindings())) {
            bySeverity.computeIfAbsent(f.severity(), s -> new ArrayList<>()).add(f);
        }
        h.raw("<section id=\"findings\"><h2>Findings</h2>\n");
        if (bySeverity.isEmpty()) {
            h.raw("<p class=\"muted\">No findings.</p>\n");
        }
        for (Map.Entry<Severity, List<Finding>> group : bySeverity.entrySet()) {
            Severity s = group.getKey();
            h.raw("<h3 class=\"sev-").raw(s.id()).raw("\">").text(s.id().toUpperCase(Locale.ROOT) + " ("
                    + group.getValue().size() + ")").raw("</h3>\n");
            for (Finding f : group.getValue()) {
                h.raw("<div class=\"finding sev-").raw(s.id()).raw("\"><p><code>").text(f.ruleId()).raw("</code> <strong>")
                        .text(f.rule().title() == null ? f.ruleId() : f.rule().title()).raw("</strong> in <span class=\"where\">")
                        .text(f.location().toString()).raw("</span>");
                String model = modelOfFile.get(f.location().path().segments().get(0));
                if (model != null) {
                    h.raw(" <span class=\"muted\">(model ").text(model).raw(")</span>");
                }
                h.raw("</p>\n<p>").text(f.message()).raw("</p>\n");
                if (f.subject() != null) {
                    h.raw("<p class=\"evidence\">Evidence: <code>").text(f.subject()).raw("</code></p>\n");
                }
                if (f.rule().help() != null) {
                    h.raw("<p class=\"help\">").text(f.rule().help()).raw("</p>\n");
                }
                h.raw("</div>\n");
            }
        }
        h.raw("</section>\n");
    }

    private static void waivers(Html h, ReportDecision decision) {
        h.raw("<section id=\"waivers\"><h2>Waivers</h2>\n");
        if (decision.waivers().isEmpty()) {
            h.raw("<p class=\"muted\">No waiver was applied.</p>\n");
        }
        for (ReportDecision.WaiverUse w : decision.waivers()) {
            h.raw("<div class=\"waiver\"><p><code>").text(w.rule()).raw("</code> on <span class=\"where\">")
                    .text(w.path()).raw("</span>: ").text(w.reason()).raw("</p><p class=\"muted\">Owner ")
                    .text(ReportText.orUnknown(w.owner())).text(w.expires() == null ? ", no expiry" : ", until " + w.expires())
                    .raw("</p>");
            if (!w.accepted().isEmpty()) {
                h.raw("<ul>");
                w.accepted().forEach(a -> h.raw("<li>").text(a).raw("</li>"));
                h.raw("</ul>");
            }
            h.raw("</div>\n");
        }
        if (!decision.expiredWaivers().isEmpty()) {
            h.raw("<h3>Expired (no longer applied)</h3><ul>");
            decision.expiredWaivers().forEach(w -> h.raw("<li>").text(w).raw("</li>"));
            h.raw("</ul>\n");
        }
        if (!decision.unusedWaivers().isEmpty()) {
            h.raw("<h3>Unused (matched nothing)</h3><ul>");
            decision.unusedWaivers().forEach(w -> h.raw("<li>").text(w).raw("</li>"));
            h.raw("</ul>\n");
        }
        h.raw("</section>\n");
    }

    private static void notAnalysed(Html h, ScanAssessment scan) {
        List<IncompleteReason> incomplete = scan.allIncomplete();
        List<FileResult> unread = scan.allFiles().stream().filter(f -> f.status() == FileStatus.ERROR).toList();
        List<FileResult> skipped = scan.allFiles().stream().filter(f -> f.status() == FileStatus.SKIPPED).toList();
        h.raw("<section id=\"not-analysed\"><h2>Not analysed</h2>\n");
        if (incomplete.isEmpty() && unread.isEmpty()) {
            h.raw("<p>Every model file was analysed completely.</p>\n");
        } else {
            h.raw("<p>These could not be analysed completely and are never counted as clean:</p><ul>\n");
            incomplete.forEach(r -> h.raw("<li><span class=\"where\">").text(r.file()).raw("</span>: ")
                    .text(r.reason()).raw("</li>\n"));
            unread.forEach(f -> h.raw("<li><span class=\"where\">").text(f.path()).raw("</span>: could not be read</li>\n"));
            h.raw("</ul>\n");
        }
        if (!skipped.isEmpty()) {
            h.raw("<p>").text(skipped.size() + " file(s) are in no format a model loader reads; they are listed with "
                    + "their digest only:").raw("</p><ul class=\"compact\">\n");
            skipped.forEach(f -> h.raw("<li><span class=\"where\">").text(f.path()).raw("</span> (").text(f.format())
                    .raw(")</li>\n"));
            h.raw("</ul>\n");
        }
        h.raw("</section>\n");
    }

    private static void row(Html h, String label, String value) {
        h.raw("<dt>").text(label).raw("</dt><dd>").text(value).raw("</dd>\n");
    }

    private static void list(Html h, String label, List<String> values, String none) {
        h.raw("<dt>").text(label).raw("</dt><dd>");
        if (values.isEmpty()) {
            h.raw("<span class=\"muted\">").text(none).raw("</span>");
        } else {
            h.raw("<ul>");
            values.forEach(v -> h.raw("<li>").text(v).raw("</li>"));
            h.raw("</ul>");
        }
        h.raw("</dd>\n");
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + " at " + b;
    }

    /**
     * Writes the page: {@link #raw} for the writer's own markup, {@link #text} for every value. A failed write is
     * unchecked here and checked again by {@link #write}.
     */
    private static final class Html {
        private final Writer out;

        Html(Writer out) {
            this.out = out;
        }

        Html raw(String markup) {
            try {
                out.write(String.valueOf(markup)); // as the StringBuilder it replaces appended a null
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        Html text(String value) {
            return raw(Xml.escape(value));
        }
    }
}
