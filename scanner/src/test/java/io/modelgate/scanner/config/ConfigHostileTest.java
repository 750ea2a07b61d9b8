package io.modelgate.scanner.config;

import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.testing.ArtifactScan;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static io.modelgate.scanner.config.ConfigFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/** Malformed, truncated, deeply nested and oversized configs: bounded, never a crash, fail closed where followed. */
class ConfigHostileTest {

    private static List<String> rules(FileCollector collector) {
        return collector.findings().stream().map(Finding::ruleId).toList();
    }

    @Test
    void deeplyNestedYamlIsALimitWhereFollowedAndPlainTextElsewhere() {
        String nested = "a: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";

        FileCollector followed = ArtifactScan.scan("hparams.yaml", utf8(nested));
        FileCollector plain = ArtifactScan.scan("notes.yaml", utf8(nested));

        assertThat(rules(followed)).contains("MG-GEN-002");
        assertThat(followed.incompleteReasons()).singleElement().asString().contains("nested deeper");
        assertThat(plain.incompleteReasons()).isEmpty();
        assertThat(ArtifactScan.aboveInfo(plain)).isEmpty();
    }

    @Test
    void aliasBombIsReadWithoutExpansionAndItsTargetFoundOnce() {
        StringBuilder yaml = new StringBuilder("l0: &l0 {_target_: os.system, _args_: [id]}\n");
        for (int i = 1; i <= 30; i++) {
            yaml.append("l").append(i).append(": &l").append(i).append(" [")
                    .append(("*l" + (i - 1) + ", ").repeat(9)).append("*l").append(i - 1).append("]\n");
        }
        long start = System.nanoTime();

        FileCollector result = ArtifactScan.scan("hparams.yaml", utf8(yaml.toString()));

        assertThat(System.nanoTime() - start).isLessThan(20_000_000_000L);
        assertThat(result.findings().stream().filter(f -> f.ruleId().equals("MG-CFG-001"))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("l0._target_"));
        assertThat(result.incompleteReasons()).isEmpty();
    }

    @Test
    void oversizedFollowedYamlIsALimitButItsTagsAreStillFound() {
        String head = "cmd: !!python/object/apply:os.system ['id']\npad: |\n";
        String line = "  " + "x".repeat(1000) + "\n";
        String huge = head + line.repeat((YamlReader.MAX_CHARS / line.length()) + 10);

        FileCollector result = ArtifactScan.scan("model_config.yaml", utf8(huge));

        assertThat(rules(result)).contains("MG-CFG-001", "MG-GEN-002");
        assertThat(result.incompleteReasons()).isNotEmpty();
    }

    @Test
    void duplicateTargetKeysLeaveAFollowedConfigIncomplete() {
        FileCollector result = ArtifactScan.scan("hparams.yaml", utf8("""
                model:
                  _target_: os.system
                  _target_: torch.nn.Linear
                """));

        assertThat(result.incompleteReasons()).singleElement().asString().contains("duplicate key");
    }

    @Test
    void oversizedModulesJsonIsALimit() {
        String big = "[" + "{\"idx\": 0, \"type\": \"sentence_transformers.models.Pooling\", \"path\": \"\"},"
                .repeat(80_000) + "{}]";

        FileCollector result = ArtifactScan.scan("modules.json", utf8(big));

        assertThat(result.incompleteReasons()).isNotEmpty();
    }

    /**
     * Any prefix of a malicious config (a download cut short, a truncated member) that still holds the whole tag
     * reports it: a YAML that no longer parses falls back to finding tags in the text.
     */
    @Test
    void everyTruncationThatKeepsTheTagStillReportsIt() {
        String config = """
                model:
                  name: net
                  layers: [64, {width: 32, act: relu}, 16]
                  hook: !!python/object/apply:os.system ["touch /tmp/pwned"]
                  tail: {a: [1, 2, {b: "c"}], d: 'e'}
                trainer: {max_epochs: 3}
                """;
        String tag = "!!python/object/apply:os.system";
        Random random = new Random(17);
        int checked = 0;
        for (int i = 0; i < 300; i++) {
            int cut = random.nextInt(config.length() + 1);
            String prefix = config.substring(0, cut);
            FileCollector result = ArtifactScan.scan(i % 2 == 0 ? "hparams.yaml" : "notes.yaml", utf8(prefix));
            if (prefix.contains(tag)) {
                checked++;
                assertThat(rules(result)).as("cut at %d", cut).contains("MG-CFG-001");
            }
            assertThat(result.incompleteReasons()).allMatch(r -> !r.contains("\n"));
        }
        assertThat(checked).isGreaterThan(50);
    }

    /** Random byte changes to a benign config never crash the scan and never produce a critical finding. */
    @Test
    void mutatedBenignConfigsNeverTurnCritical() {
        byte[] original = utf8(ConfigFixtures.NEMO_ASR_CONFIG);
        Random random = new Random(42);
        String alphabet = " :-[]{}&*!|>'\"#\n\tax0";
        for (int i = 0; i < 300; i++) {
            byte[] mutant = original.clone();
            for (int k = 0; k < 1 + random.nextInt(4); k++) {
                mutant[random.nextInt(mutant.length)] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
            }
            FileCollector result = ArtifactScan.scan("model_config.yaml", mutant);
            assertThat(rules(result)).as("mutant %d", i).doesNotContain("MG-CFG-001");
        }
    }
}
