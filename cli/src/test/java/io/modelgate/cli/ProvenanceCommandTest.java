package io.modelgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Provenance through the command line: models[] in JSON, identity cards in text, families, --kb. */
class ProvenanceCommandTest {

    private static final Path FIXTURES = Path.of("..", "fixtures", "provenance");

    @TempDir
    Path dir;

    @Test
    void renamedFineTuneIsIdentifiedAndTheGateStillPasses() throws IOException {
        Path model = FIXTURES.resolve("renamed-llama-finetune-apache").resolve("NovaLM-8B");
        CliRun run = CliRun.of("scan", "--format", "json", model.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.path("schemaVersion").asText()).isEqualTo("1.2");
        assertThat(report.path("tool").path("knowledgeBase").asText()).isNotBlank();
        JsonNode unit = report.path("models").get(0);
        assertThat(unit.path("family").asText()).isEqualTo("llama");
        assertThat(unit.path("country").asText()).isEqualTo("US");
        assertThat(unit.path("license").path("id").asText()).isEqualTo("Apache-2.0");
        assertThat(unit.path("license").path("conflicts").size()).isEqualTo(2);
        assertThat(unit.path("evidence").size()).isGreaterThan(3);
        for (JsonNode evidence : unit.path("evidence")) {
            String expected = evidence.path("kind").asText().startsWith("declared_") ? "declared"
                    : evidence.path("kind").asText().matches("special_token|chat_template|tokenizer_class|gguf_pre"
                    + "|tokenizer_vocab|pre_tokenizer") ? "tokenizer" : "body";
            assertThat(evidence.path("aspect").asText()).as(evidence.toString()).isEqualTo(expected);
        }
        assertThat(unit.path("evidence").findValuesAsText("aspect")).contains("body", "tokenizer");
        assertThat(run.out()).contains("MG-PROV-001").contains("MG-LIC-002");
    }

    @Test
    void textReportShowsAnIdentityCardAboveTheFindings() {
        Path model = FIXTURES.resolve("relabelled-qwen-as-llama").resolve("Llama3-Chinese-Pro");
        CliRun run = CliRun.of("scan", model.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("Models:").contains("qwen / qwen2.5").contains("Alibaba Cloud");
        assertThat(run.out().indexOf("Models:")).isLessThan(run.out().indexOf("Findings:"));
        assertThat(run.out()).contains("MG-PROV-003");
    }

    @Test
    void familiesAreListedAndAUserFileExtendsThem() throws IOException {
        assertThat(CliRun.of("families").out()).contains("qwen").contains("deepseek").contains("gpt-oss");
        Path kb = dir.resolve("kb.yaml");
        Files.writeString(kb, """
                kbVersion: "acme-1"
                families:
                  - id: acmelm
                    name: AcmeLM
                    publisher: Acme Corp
                    country: NL
                    license: Apache-2.0
                    namePatterns: ['acmelm']
                    signals:
                      - {on: model_type, value: acmelm, weight: 0.8}
                """);
        CliRun run = CliRun.of("families", "--format", "json", "--kb", kb.toString());
        assertThat(run.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.path("kbVersion").asText()).endsWith("+user");
        assertThat(json.path("families").findValuesAsText("id")).contains("acmelm", "qwen");
    }

    @Test
    void anInvalidKnowledgeBaseFileIsAUsageError() throws IOException {
        Path kb = dir.resolve("bad.yaml");
        Files.writeString(kb, "families:\n  - id: x\n    signals:\n      - {on: nonsense, value: a, weight: 2}\n");
        CliRun run = CliRun.of("families", "--kb", kb.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("invalid");
    }
}
