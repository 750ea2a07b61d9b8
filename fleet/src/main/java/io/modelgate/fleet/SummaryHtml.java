package io.modelgate.fleet;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code summary.html}: a self-contained page (no script, no external resource) a reviewer opens from the output
 * folder. Every value comes from scanned files or their paths and is escaped.
 */
final class SummaryHtml {

    /** Reasons shown per unit; the Parquet table and the BOM hold them all. */
    private static final int REASONS_SHOWN = 3;

    private SummaryHtml() {
    }

    static String render(FleetSummary s, List<UnitRow> rows, FleetSettings settings, String toolVersion,
                         Instant finishedAt) {
        StringBuilder h = new StringBuilder(4096 + rows.size() * 400);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
                .append("<title>ModelGate fleet summary</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}")
                .append("table{border-collapse:collapse;margin:0 0 1.5em 0}")
                .append("th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}")
                .append("th{background:#f3f3f3}td.n{text-align:right}.REJECT{color:#a00;font-weight:bold}")
                .append(".REVIEW{color:#a60;font-weight:bold}.APPROVE{color:#070;font-weight:bold}")
                .append("section{display:inline-block;vertical-align:top;margin-right:2em}small{color:#666}")
                .append("</style></head><body>\n");
        h.append("<h1>ModelGate fleet summary</h1>\n<p><small>ModelGate ").append(esc(toolVersion))
                .append(" · policy ").append(esc(settings.policy().name())).append(" (")
                .append(esc(settings.policy().version())).append(") · finished ").append(esc(finishedAt.toString()))
                .append(" · roots: ").append(esc(String.join(", ", settings.roots()))).append("</small></p>\n");
        h.append("<p><b>").append(s.models()).append("</b> units (").append(s.modelsFound())
                .append(" models found), ").append(s.bytes()).append(" bytes · <span class=\"APPROVE\">")
                .append(s.decisions().get("APPROVE")).append(" approve</span> · <span class=\"REVIEW\">")
                .append(s.decisions().get("REVIEW")).append(" review</span> · <span class=\"REJECT\">")
                .append(s.decisions().get("REJECT")).append(" reject</span> · ").append(s.incomplete())
                .append(" incomplete · ").append(s.reused()).append(" reused from the cache</p>\n");
        breakdown(h, "Findings", s.findings());
        breakdown(h, "Country", s.byCountry());
        breakdown(h, "Family", s.byFamily());
        breakdown(h, "License", s.byLicense());
        breakdown(h, "Signature", s.bySignature());
        h.append("<h2>Units</h2>\n<table><tr><th>decision</th><th>unit</th><th>family</th><th>publisher</th>")
                .append("<th>country</th><th>license</th><th>signature</th><th>findings C/H/M/L</th>")
                .append("<th>why</th><th>reused</th></tr>\n");
        for (UnitRow r : FleetSummary.worstFirst(rows)) {
            h.append("<tr><td class=\"").append(esc(r.decision())).append("\">").append(esc(r.decision()))
                    .append(r.incomplete() ? "<br><small>incomplete</small>" : "").append("</td><td>")
                    .append(esc(r.path())).append("<br><small>").append(esc(r.digest())).append("</small></td><td>")
                    .append(esc(r.family())).append("</td><td>").append(esc(r.publisher())).append("</td><td>")
                    .append(esc(r.country())).append("</td><td>").append(esc(r.license())).append("</td><td>")
                    .append(esc(r.signature())).append("</td><td class=\"n\">").append(r.critical()).append('/')
                    .append(r.high()).append('/').append(r.medium()).append('/').append(r.low()).append("</td><td>");
            List<String> why = r.reasons().isEmpty() ? r.incompleteReasons() : r.reasons();
            why.stream().limit(REASONS_SHOWN).forEach(line -> h.append(esc(line)).append("<br>"));
            if (why.size() > REASONS_SHOWN) {
                h.append("<small>and ").append(why.size() - REASONS_SHOWN).append(" more</small>");
            }
            h.append("</td><td>").append(r.reused() ? "yes" : "").append("</td></tr>\n");
        }
        h.append("</table>\n</body></html>\n");
        return h.toString();
    }

    private static void breakdown(StringBuilder h, String title, Map<String, Long> counts) {
        h.append("<section><h2>").append(esc(title)).append("</h2><table>");
        counts.forEach((k, v) -> h.append("<tr><td>").append(esc(k)).append("</td><td class=\"n\">").append(v)
                .append("</td></tr>"));
        h.append("</table></section>\n");
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 && c != '\t' ? ' ' : c);
            }
        }
        return out.toString();
    }
}
