package io.modelgate.assessment;

import io.modelgate.provenance.kb.KnowledgeBaseLoader;
import io.modelgate.scanner.Scanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Metadata files are hostile input too: malformed or oversized ones are set aside, never a crash. */
class HostileMetadataTest {

    @TempDir
    Path dir;

    private ScanAssessment assess() throws IOException {
        return new AssessmentBuilder(KnowledgeBaseLoader.builtIn()).build(Scanner.withDefaults().scan(List.of(dir)));
    }

    @Test
    void deeplyNestedConfigAndAliasBombCardLeaveAnUnidentifiedUnit() throws IOException {
        Files.writeString(dir.resolve("config.json"), "[".repeat(100_000));
        StringBuilder bomb = new StringBuilder("---\na: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'z'; c++) {
            char prev = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(prev).append(", *").append(prev)
                    .append(", *").append(prev).append(", *").append(prev).append("]\n");
        }
        bomb.append("license: apache-2.0\n---\n# Bomb\n");
        Files.writeString(dir.resolve("README.md"), bomb.toString());
        Files.writeString(dir.resolve("tokenizer_config.json"), "{\"tokenizer_class\": \"Qwen2Tokenizer\", \"chat_template\": ");

        ScanAssessment scan = assess();

        assertThat(scan.models()).singleElement().satisfies(m -> {
            assertThat(m.identity().family()).isNull();
            assertThat(m.name()).as("the card's heading is still read").isEqualTo("Bomb");
            assertThat(m.license().id()).as("aliases are not expanded, the plain keys are read").isEqualTo("Apache-2.0");
        });
    }

    @Test
    void tokenizerJsonContributesItsAddedTokensOnly() throws IOException {
        Files.writeString(dir.resolve("config.json"), "{\"model_type\": \"qwen2\"}");
        Files.writeString(dir.resolve("tokenizer.json"), "{\"version\":\"1.0\",\"truncation\":null,\"added_tokens\":[{\"id\":151643,"
                + "\"content\":\"<|endoftext|>\",\"special\":true},{\"id\":151644,\"content\":\"<|im_start|>\"}],"
                + "\"model\":{\"type\":\"BPE\",\"vocab\":{\"a\":0,\"b\":1},\"merges\":[[\"a\",\"b\"]]}}");

        ModelAssessment model = assess().models().get(0);

        assertThat(model.identity().evidence()).filteredOn(e -> e.kind().equals("special_token"))
                .extracting(e -> e.value()).contains("<|endoftext|>", "<|im_start|>");
        assertThat(model.identity().evidence()).noneMatch(e -> e.value().equals("a") || e.value().equals("b"));
    }

    @Test
    void aTruncatedTokenizerJsonGivesNoTokens() throws IOException {
        Files.writeString(dir.resolve("config.json"), "{\"model_type\": \"qwen2\"}");
        Files.writeString(dir.resolve("tokenizer.json"), "{\"added_tokens\": [{\"content\": ");

        ScanAssessment scan = assess();

        assertThat(scan.models()).singleElement().satisfies(m -> assertThat(m.identity().evidence())
                .noneMatch(e -> e.kind().equals("special_token")));
    }
}
