package io.modelgate.provenance.identity;

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

    @Test
    void deeplyNestedConfigAndAliasBombCardAreIgnored() throws IOException {
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

        ProvenanceResult result = ProvenanceAnalysis.analyze(Scanner.withDefaults().scan(List.of(dir)),
                KnowledgeBaseLoader.builtIn());

        assertThat(result.models()).allSatisfy(m -> assertThat(m.family()).isNull());
    }

    @Test
    void tokenizerJsonContributesItsAddedTokensOnly() throws IOException {
        Path file = dir.resolve("tokenizer.json");
        Files.writeString(file, "{\"version\":\"1.0\",\"truncation\":null,\"added_tokens\":[{\"id\":151643,"
                + "\"content\":\"<|endoftext|>\",\"special\":true},{\"id\":151644,\"content\":\"<|im_start|>\"}],"
                + "\"model\":{\"type\":\"BPE\",\"vocab\":{\"a\":0,\"b\":1},\"merges\":[[\"a\",\"b\"]]}}");
        assertThat(MetadataFiles.addedTokens(file)).contains(List.of("<|endoftext|>", "<|im_start|>"));
        Files.writeString(file, "{\"added_tokens\": [{\"content\": ");
        assertThat(MetadataFiles.addedTokens(file)).isEmpty();
    }

    @Test
    void frontMatterWithoutEndAndOddTypesAreTolerated() {
        assertThat(MetadataFiles.card("---\nlicense: [1, {a: b}]\nbase_model: 42\n---\n")).isPresent();
        assertThat(MetadataFiles.card("---\nlicense: mit\n")).as("unterminated front matter").isEmpty();
        assertThat(MetadataFiles.card("no front matter, no heading")).isEmpty();
        ModelEvidenceInput input = new ModelEvidenceInput("m", UnitKind.HF_FOLDER, "m/config.json", "m",
                new Doc("m/config.json", java.util.Map.of("architectures", "notAList", "vocab_size", "big",
                        "text_config", java.util.Map.of("model_type", 7))),
                new Doc("m/tokenizer_config.json", java.util.Map.of("added_tokens_decoder", List.of(1, 2),
                        "chat_template", List.of(java.util.Map.of("name", "default")))),
                new Doc("m/tokenizer.json", java.util.Map.of("added_tokens", List.of(5, java.util.Map.of()))), null, null, new Doc("m/README.md", java.util.Map.of("license", List.of(3), "base_model", List.of(4))),
                null, null, null, null);
        UnitAssessment assessment = new ProvenanceEngine(KnowledgeBaseLoader.builtIn()).assess(input);
        assertThat(assessment.model().family()).isNull();
        assertThat(assessment.findings()).extracting(f -> f.ruleId()).contains("MG-PROV-005", "MG-LIC-001");
    }
}
