package io.modelgate.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.modelgate.assessment.AssessmentBuilder;
import io.modelgate.assessment.ScanAssessment;
import io.modelgate.provenance.kb.KnowledgeBase;
import io.modelgate.provenance.kb.KnowledgeBaseLoader;
import io.modelgate.rules.policy.Decision;
import io.modelgate.rules.policy.PolicyEngine;
import io.modelgate.rules.policy.load.PolicyLoader;
import io.modelgate.rules.policy.load.Profiles;
import io.modelgate.scanner.Limits;
import io.modelgate.scanner.VerificationOptions;
import io.modelgate.verification.VerificationChecks;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * All four reports from one real run: scanner, assessment builder and the default policy over real models
 * (an identified distilled model, the quick-start folder and checkpoint, a malicious PyTorch checkpoint and a
 * nested archive), as `modelgate scan --report` will produce them.
 */
class ReportsEndToEndTest {

    private static ScanAssessment scan;
    private static ReportDecision decision;

    @BeforeAll
    static void scanRealModels() throws Exception {
        Path fixtures = Path.of("..", "fixtures");
        KnowledgeBase kb = KnowledgeBaseLoader.builtIn();
        var report = VerificationChecks.scanner(Limits.defaults(), 2, Clock.systemUTC(), VerificationOptions.none())
                .scan(List.of(fixtures.resolve("provenance/control-deepseek-r1-distill-qwen-7b/DeepSeek-R1-Distill-Qwen-7B"),
                        fixtures.resolve("examples/quickstart"), fixtures.resolve("torch/evil_reduce.pt"),
                        fixtures.resolve("archives/nested.zip")));
        scan = new AssessmentBuilder(kb).build(report);
        Decision decided = new PolicyEngine().decide(scan, Profiles.load(Profiles.DEFAULT, new PolicyLoader(kb)),
                Clock.systemUTC());
        decision = DecisionReports.of(decided);
    }

    @Test
    void theDecisionRejectsTheMaliciousFilesAndEveryReportSaysSo() throws Exception {
        assertThat(decision.outcome()).isEqualTo("REJECT");
        JsonNode sarif = new ObjectMapper().readTree(new SarifReportWriter().render(scan, decision));
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(SharedSchemas.find("sarif-schema-2.1.0.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        assertThat(schema.validate(sarif)).isEmpty();
        assertThat(sarif.at("/runs/0/properties/modelgate/decision/outcome").asText()).isEqualTo("REJECT");
        assertThat(sarif.at("/runs/0/results").toString()).contains("evil_reduce.pt!")
                .contains("nested.zip!inner.tar.gz!inner.tar!evil.pkl");
        assertThat(new MarkdownReportWriter().render(scan, decision)).startsWith("## ModelGate: REJECT");
        String junit = new JunitReportWriter().render(scan, decision);
        assertThat(junit).contains("<failure");
        String html = new HtmlReportWriter().render(scan, decision);
        assertThat(html).contains("<div class=\"outcome\">REJECT</div>").contains("qwen");
    }

    @Test
    void theHtmlReportOfARealScanRendersInChromium(@TempDir Path dir) throws Exception {
        var chromium = Chromium.find();
        Assumptions.assumeTrue(chromium.isPresent(),
                "chromium is not installed (apt-get install -y chromium): the HTML report was not rendered");
        Path page = dir.resolve("report.html");
        Files.writeString(page, new HtmlReportWriter().render(scan, decision), StandardCharsets.UTF_8);
        String dom = chromium.get().dumpDom(page, Files.createDirectories(dir.resolve("p1")));
        assertThat(dom).contains("<div class=\"outcome\">REJECT</div>");
        assertThat(dom.split("<article class=\"card\">", -1)).hasSize(scan.models().size() + 1);
        // The screenshot kept in docs/ comes from here (target/html-report-real.png).
        Path png = Path.of("target", "html-report-real.png").toAbsolutePath();
        Files.deleteIfExists(png);
        chromium.get().screenshot(page, png, Files.createDirectories(dir.resolve("p2")));
        assertThat(Files.size(png)).isPositive();
    }
}
