package io.modelgate.cli.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownReportWriterTest {

    @TempDir
    Path dir;

    @Test
    void aPullRequestCommentWithTheDecisionIdentityAndTopFindings() throws Exception {
        SampleScan sample = SampleScan.in(dir);
        String md = new MarkdownReportWriter().render(sample.scan, sample.decision);
        assertThat(md).startsWith("## ModelGate: REJECT\n");
        assertThat(md).contains("**Reasons**").contains("### Models").contains("### Top findings")
                .contains("### Not analysed completely").contains("### Waivers applied");
        assertThat(md).contains("llama llama\\-3 \\(confidence 93%\\)").contains("Meta \\(US\\)")
                .contains("Apache\\-2\\.0, commercial use\\: true");
        int critical = md.indexOf("| critical |");
        assertThat(critical).isPositive();
        assertThat(md.indexOf("| medium |") < 0 || md.indexOf("| medium |") > critical).isTrue();
    }

    @Test
    void hostileTextCannotAddLinksHtmlOrTableCells() throws Exception {
        SampleScan sample = SampleScan.in(dir);
        String md = new MarkdownReportWriter().render(sample.scan, sample.decision);
        // Inside code spans markup is shown as written; everywhere else it must be escaped.
        String outsideCode = md.replaceAll("(`+) .*? \\1", "");
        assertThat(outsideCode).doesNotContain("<script").doesNotContain("<img").doesNotContain("](https://evil");
        assertThat(md).doesNotContain("](https://evil");
        for (String line : md.split("\n")) {
            if (line.startsWith("| ") && !line.startsWith("|---")) {
                String cells = line.replace("\\|", "");
                long bars = cells.chars().filter(c -> c == '|').count();
                assertThat(bars).as(line).isIn(5L, 8L); // findings table: 4 columns; models table: 7
            }
        }
    }

    @Test
    void escapingKeepsTheTextReadable() {
        assertThat(Markdown.escape("a [b](c) <d> *e*")).isEqualTo("a \\[b\\]\\(c\\) &lt;d&gt; \\*e\\*");
        assertThat(Markdown.code("x ``y`` | z")).isEqualTo("``` x ``y`` \\| z ```");
    }
}
