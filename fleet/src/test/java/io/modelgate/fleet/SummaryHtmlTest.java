package io.modelgate.fleet;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryHtmlTest {

    private static UnitRow row(String path, String family, String decision, List<String> reasons) {
        return new UnitRow(path, "sha256:00", "sha256:11", 1, family, "<Publisher & Co>", "XX", List.of(), "MIT\"x",
                "absent", decision, reasons, false, List.of(), 0, 0, 0, 0, 0, 10, 1, 1, 1, 2, false, "boms/x.cdx.json",
                "0.1.0", "sha256:22");
    }

    @Test
    void everyValueTakenFromFilesIsEscapedAndWorstComesFirst() {
        List<UnitRow> rows = List.of(
                row("file:/r/ok", "qwen", "APPROVE", List.of()),
                row("file:/r/<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "REJECT",
                        List.of("REJECT finding MG-PKL-001: calls posix.system('<b>')")));
        FleetSettings settings = new FleetSettings(List.of("file:/r"), "file:/out", null,
                PolicySource.profile("default"), 0, 1, Duration.ofMinutes(1), 1, null);

        String html = SummaryHtml.render(FleetSummary.of(rows), rows, settings, "0.1.0", Instant.EPOCH);

        assertThat(html).doesNotContain("<script>").doesNotContain("<img").doesNotContain("('<b>')")
                .doesNotContain("<Publisher")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&lt;Publisher &amp; Co&gt;")
                .contains("MIT&quot;x");
        assertThat(html.indexOf("&lt;script&gt;")).isLessThan(html.indexOf("file:/r/ok"));
    }
}
