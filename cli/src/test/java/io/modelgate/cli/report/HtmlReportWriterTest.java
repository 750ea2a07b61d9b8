package io.modelgate.cli.report;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportWriterTest {

    @TempDir
    Path dir;

    private String html(SampleScan sample) {
        return new HtmlReportWriter().render(sample.scan, sample.decision);
    }

    @Test
    void hostileTextNeverBecomesMarkup() throws Exception {
        String html = html(SampleScan.in(dir.resolve("scan")));
        assertThat(html).doesNotContain(SampleScan.SCRIPT).doesNotContain("<img").doesNotContain("<script");
        assertThat(html).contains("&lt;script&gt;document.body.setAttribute(&#39;data-pwned&#39;,&#39;1&#39;)&lt;/script&gt;");
        assertThat(html).contains("evil &quot;&gt;&lt;img src=x onerror=alert(1)&gt;.pt");
    }

    @Test
    void isOneFileThatFetchesNothing() throws Exception {
        String html = html(SampleScan.in(dir.resolve("scan")));
        assertThat(html).contains("Content-Security-Policy").contains("default-src 'none'");
        assertThat(html).doesNotContainPattern("<(link|script|img|iframe|object|embed)\\b")
                .doesNotContainPattern("(src|href)=\"(https?:|//)")
                .doesNotContainPattern("url\\(");
    }

    @Test
    void showsTheDecisionIdentityFindingsWaiversAndWhatWasNotAnalysed() throws Exception {
        SampleScan sample = SampleScan.in(dir.resolve("scan"));
        String html = html(sample);
        assertThat(html).contains("<section class=\"banner reject\" id=\"decision\"><div class=\"outcome\">REJECT</div>");
        assertThat(html).contains("<dt>Family</dt><dd>llama llama-3 (confidence 93%)</dd>")
                .contains("<dt>Publisher</dt><dd>Meta</dd>").contains("<dt>Country</dt><dd>US</dd>")
                .contains("meta-llama/Llama-3.1-8B (finetune, declared)")
                .contains("Apache-2.0 (Apache License 2.0), from README.md")
                .contains("<dt>Commercial use</dt><dd><span class=\"tag approve\">true</span>")
                .contains("Keep the NOTICE file with redistributions")
                .contains("<dt>Signer</dt><dd>release@example.org</dd>")
                .contains("<dt>Lock</dt><dd>match (modelgate.lock)</dd>")
                .contains("sha256:" + "ab".repeat(32));
        assertThat(html).contains("<h3>Expired (no longer applied)</h3>").contains("legal@example.org");
        assertThat(html).contains("shard index lists a file");
        int critical = html.indexOf("<h3 class=\"sev-critical\">");
        int medium = html.indexOf("<h3 class=\"sev-medium\">");
        assertThat(critical).isPositive();
        assertThat(medium < 0 || medium > critical).isTrue();
        assertThat(html).contains("Pickle calls a dangerous callable on load");
        assertThat(html).contains("<th>About</th>").contains("<tr><td>body</td><td>vocab_size</td><td>128256</td>");
    }

    @Test
    void rendersInChromiumWithoutRunningAnythingAndPrints() throws Exception {
        var chromium = Chromium.find();
        Assumptions.assumeTrue(chromium.isPresent(),
                "chromium is not installed (apt-get install -y chromium): the HTML report was not rendered");
        SampleScan sample = SampleScan.in(dir.resolve("scan"));
        Path page = dir.resolve("report.html");
        Files.writeString(page, html(sample), StandardCharsets.UTF_8);
        String dom = chromium.get().dumpDom(page, Files.createDirectories(dir.resolve("profile1")));
        // What Chromium built: no element from the hostile text, no script ran, the sections a reader needs.
        assertThat(dom).doesNotContain("data-pwned=\"1\"").doesNotContainPattern("<(script|img|iframe|object|embed)\\b");
        assertThat(dom).contains("<div class=\"outcome\">REJECT</div>");
        assertThat(count(dom, "<article class=\"card\">")).isEqualTo(2);
        assertThat(dom).contains("&lt;script&gt;document.body.setAttribute");
        for (String id : new String[]{"decision", "summary", "models", "findings", "waivers", "not-analysed"}) {
            assertThat(dom).contains("id=\"" + id + "\"");
        }
        Path png = Path.of("target", "html-report-screenshot.png").toAbsolutePath();
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);
        chromium.get().screenshot(page, png, Files.createDirectories(dir.resolve("profile2")));
        assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
        Path pdf = dir.resolve("report.pdf");
        chromium.get().printToPdf(page, pdf, Files.createDirectories(dir.resolve("profile3")));
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
