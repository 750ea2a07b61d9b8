package io.modelgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelgate.assessment.RulePack;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class RulesCommandTest {

    @Test
    void listsEveryRuleOfTheCatalog() throws IOException {
        CliRun run = CliRun.of("rules", "--format", "json");
        assertThat(run.exitCode()).isZero();
        JsonNode rules = new ObjectMapper().readTree(run.out());
        assertThat(rules.size()).isEqualTo(RulePack.all().size());
        for (JsonNode rule : rules) {
            assertThat(rule.path("id").asText()).matches("MG-[A-Z0-9]+-\\d{3}");
            assertThat(rule.path("help").asText()).isNotBlank();
        }
        assertThat(CliRun.of("rules").out()).contains("MG-GEN-001");
    }

    @Test
    void versionIsPrinted() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("modelgate ");
    }
}
