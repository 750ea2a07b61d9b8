package io.modelgate.cli.report;

/** The HTML report's style sheet: inline, so the file needs nothing else; a print layout for paper. */
final class HtmlStyle {

    static final String CSS = """
            :root { --approve:#1a7f37; --review:#9a6700; --reject:#cf222e; --muted:#57606a; --line:#d0d7de; }
            * { box-sizing: border-box; }
            body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color:#1f2328; margin: 0 auto;
                   max-width: 1100px; padding: 24px; }
            h1 { margin: 0 0 4px; font-size: 26px; }
            h2 { border-bottom: 1px solid var(--line); padding-bottom: 4px; margin-top: 32px; }
            code, .where, .digest { font-family: ui-monospace, "SFMono-Regular", Menlo, monospace; font-size: 13px;
                   overflow-wrap: anywhere; }
            .muted { color: var(--muted); }
            .banner { border: 2px solid; border-radius: 8px; padding: 16px 20px; margin: 20px 0; }
            .banner .outcome { font-size: 30px; font-weight: 700; letter-spacing: 1px; }
            .banner.approve { border-color: var(--approve); background: #dafbe1; }
            .banner.review { border-color: var(--review); background: #fff8c5; }
            .banner.reject { border-color: var(--reject); background: #ffebe9; }
            .reasons li { margin: 4px 0; }
            .tag { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px; font-weight: 600;
                   color: #fff; }
            .tag.approve { background: var(--approve); } .tag.review { background: var(--review); }
            .tag.reject { background: var(--reject); }
            table { border-collapse: collapse; margin: 8px 0; width: 100%; }
            th, td { border: 1px solid var(--line); padding: 3px 6px; text-align: left; vertical-align: top; }
            caption { text-align: left; font-weight: 600; padding: 4px 0; }
            table.counts { width: auto; } table.counts td { text-align: right; }
            .card { border: 1px solid var(--line); border-radius: 8px; padding: 4px 16px 12px; margin: 16px 0; }
            dl { display: grid; grid-template-columns: 200px 1fr; gap: 4px 12px; }
            dt { font-weight: 600; color: var(--muted); } dd { margin: 0; overflow-wrap: anywhere; }
            dd ul { margin: 0; padding-left: 18px; }
            .finding { border-left: 4px solid var(--line); padding: 2px 12px; margin: 10px 0; }
            .finding p { margin: 4px 0; } .finding .help { color: var(--muted); }
            .sev-critical { border-color: #82071e; color: #82071e; } .sev-high { border-color: var(--reject); }
            .sev-medium { border-color: var(--review); } .sev-low, .sev-info { border-color: var(--muted); }
            .finding.sev-critical, .finding.sev-high, .finding.sev-medium, .finding.sev-low, .finding.sev-info
                   { color: inherit; }
            .st-incomplete, .st-error, .st-findings { font-weight: 600; color: var(--reject); }
            .st-clean { color: var(--approve); }
            ul.compact { columns: 2; }
            footer { margin-top: 32px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line);
                   padding-top: 8px; }
            @media print {
              body { max-width: none; padding: 0; font-size: 11pt; }
              .banner, .tag { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
              .card, .finding, .banner, tr { break-inside: avoid; }
              h2, h3 { break-after: avoid; }
              ul.compact { columns: 1; }
              @page { margin: 15mm; }
            }
            """;

    private HtmlStyle() {
    }
}
