package io.modelgate.assessment;

import io.modelgate.provenance.kb.KnowledgeBaseLoader;
import io.modelgate.scanner.Scanner;
import io.modelgate.provenance.identity.UnitKind;
import io.modelgate.scanner.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole path: real files scanned by the scanner's readers, whose facts (tensor layouts, GGUF metadata)
 * the provenance analysis reads back. Weights are written at test time with real tensor names and the real
 * vocabulary dimension; other dimensions are cut to 1.
 */
class ProvenanceEndToEndTest {

    private static final Path FIXTURES = Path.of("..", "fixtures", "provenance");

    @TempDir
    Path dir;

    @Test
    void relabelledWeightsAreSeenThroughFromTheSafetensorsLayout() throws IOException {
        Path model = copy(FIXTURES.resolve("relabelled-qwen-as-llama").resolve("Llama3-Chinese-Pro"));
        ModelFileWriter.safetensors(model.resolve("model.safetensors"), Map.of(
                "model.embed_tokens.weight", List.of(152064L, 1L),
                "model.layers.0.self_attn.q_proj.weight", List.of(1L, 1L),
                "model.layers.0.self_attn.q_proj.bias", List.of(1L),
                "model.layers.0.self_attn.k_proj.bias", List.of(1L)));
        ScanAssessment result = assess(model);

        Identity unit = result.models().get(0).identity();
        assertThat(unit.family()).isEqualTo("qwen");
        assertThat(unit.evidence()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("vocab_size");
            assertThat(e.source()).contains("model.safetensors#tensor:model.embed_tokens.weight");
        });
        assertThat(unit.evidence()).anySatisfy(e -> assertThat(e.value()).matches(".*\\.[qk]_proj\\.bias"));
        assertThat(result.models().get(0).findings()).allSatisfy(f -> assertThat(f.location().path().toString())
                .endsWith("/config.json")).extracting(f -> f.ruleId()).contains("MG-PROV-002", "MG-PROV-003");
        assertThat(result.allFindings()).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM)
                .as("only provenance findings, all medium"));
    }

    @Test
    void aRenamedQuantizedGgufIsIdentifiedFromItsMetadata() throws IOException {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("general.architecture", "llama");
        metadata.put("general.name", "Zephyr Ultra 8B");
        metadata.put("general.license", "apache-2.0");
        metadata.put("llama.block_count", 32);
        metadata.put("tokenizer.ggml.model", "gpt2");
        metadata.put("tokenizer.ggml.pre", "llama-bpe");
        metadata.put("tokenizer.chat_template", "{{ '<|start_header_id|>' + message['role'] + '<|end_header_id|>' }}");
        Path file = dir.resolve("zephyr-ultra-8b.Q8_0.gguf");
        ModelFileWriter.gguf(file, metadata, Map.of("token_embd.weight", List.of(1L, 128256L)));

        ScanAssessment result = assess(file);

        ModelAssessment model = result.models().get(0);
        Identity unit = model.identity();
        assertThat(model.kind()).isEqualTo(UnitKind.GGUF);
        assertThat(unit.family()).isEqualTo("llama");
        assertThat(unit.country()).isEqualTo("US");
        assertThat(unit.baseModels()).singleElement().satisfies(b -> assertThat(b.relation()).isEqualTo("quantized"));
        assertThat(model.license().id()).isEqualTo("Apache-2.0");
        assertThat(model.license().conflicts()).isNotEmpty();
        assertThat(unit.evidence()).anySatisfy(e -> assertThat(e.source()).endsWith("#tokenizer.ggml.pre"));
        assertThat(model.findings()).extracting(f -> f.ruleId()).contains("MG-PROV-001", "MG-LIC-002");
    }

    @Test
    void aFolderWithoutModelMetadataIsNoUnit() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "nothing to see");
        Files.writeString(dir.resolve("README.md"), "# Notes\n");
        ScanAssessment result = assess(dir);
        assertThat(result.models()).isEmpty();
        assertThat(result.otherFiles()).hasSize(2);
        assertThat(result.allFindings()).isEmpty();
    }

    @Test
    void licenseTextsUnderTheirUsualNamesAreReadAndANoticeIsNoConflict() throws IOException {
        for (String name : List.of("MODEL_LICENSE", "LICENSE.txt", "LICENSE.md")) {
            Path model = Files.createDirectories(dir.resolve(name.replace('.', '-')));
            Files.writeString(model.resolve("config.json"), "{\"architectures\": [\"Exaone4ForCausalLM\"], "
                    + "\"model_type\": \"exaone4\"}");
            Files.writeString(model.resolve(name), "EXAONE AI Model License Agreement 1.2 - NC\n\nLG Management "
                    + "Development Institute Co., Ltd.\n");
            Files.writeString(model.resolve("NOTICE"), "This model ships a tokenizer library under the MIT License.\n"
                    + "Permission is hereby granted, free of charge, to any person obtaining a copy of this software. "
                    + "The above copyright notice and this permission notice shall be included in all copies.\n");
            ModelAssessment m = assess(model).models().get(0);
            assertThat(m.license().id()).as(name).isEqualTo("LicenseRef-exaone");
            assertThat(m.findings().stream().map(f -> f.ruleId())).as(name).doesNotContain("MG-LIC-003");
        }
    }

    @Test
    void aCardsLicenseSectionDeclaresTheLicenseWhenNothingElseDoes() throws IOException {
        Path model = Files.createDirectories(dir.resolve("card-section"));
        Files.writeString(model.resolve("config.json"), "{\"architectures\": [\"Exaone4ForCausalLM\"], "
                + "\"model_type\": \"exaone4\"}");
        Files.writeString(model.resolve("README.md"), "---\nlanguage: [en, ko]\n---\n# Korean assistant\n\n"
                + "## Usage\nLoad it.\n\n## License\nEXAONE AI Model License Agreement 1.2 - NC applies.\n\n"
                + "## Citation\nMIT License mentioned after the section does not count.\n");
        ModelAssessment m = assess(model).models().get(0);
        assertThat(m.license().id()).isEqualTo("LicenseRef-exaone");

        Files.writeString(model.resolve("README.md"), "---\nlicense: apache-2.0\n---\n# Card\n\n## License\n"
                + "Built on a base under the EXAONE AI Model License Agreement.\n");
        assertThat(assess(model).models().get(0).license().id()).as("the front matter decides").isEqualTo("Apache-2.0");
    }

    /**
     * A Mistral body shipped with a Qwen tokenizer.json: the scanner streams the tokenizer (vocabulary counted, split
     * pattern and added tokens kept) and provenance scores it as tokenizer evidence, apart from the body: the model
     * stays Mistral, its tokenizer is named Qwen's, and every piece of evidence says which half it is about.
     */
    @Test
    void aBorrowedTokenizerJsonIsTokenizerEvidenceAndDoesNotNameTheBody() throws IOException {
        Path model = Files.createDirectories(dir.resolve("borrower"));
        Files.writeString(model.resolve("config.json"), """
                {"architectures": ["MistralForCausalLM"], "model_type": "mistral", "vocab_size": 151936,
                 "hidden_size": 64, "num_hidden_layers": 2}""");
        StringBuilder vocab = new StringBuilder();
        for (int id = 0; id < 151_643; id++) {
            vocab.append(id == 0 ? "" : ",").append("\"t").append(id).append("\":").append(id);
        }
        Files.writeString(model.resolve("tokenizer.json"), """
                {"version": "1.0", "added_tokens": [
                  {"id": 151643, "content": "<|endoftext|>", "special": true},
                  {"id": 151644, "content": "<|im_start|>", "special": true},
                  {"id": 151645, "content": "<|im_end|>", "special": true}],
                 "pre_tokenizer": {"type": "Sequence", "pretokenizers": [
                   {"type": "Split", "pattern": {"Regex": "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\\\r\\\\n\\\\p{L}\\\\p{N}]?\\\\p{L}+|\\\\p{N}| ?[^\\\\s\\\\p{L}\\\\p{N}]+[\\\\r\\\\n]*|\\\\s*[\\\\r\\\\n]+|\\\\s+(?!\\\\S)|\\\\s+"},
                    "behavior": "Isolated", "invert": false},
                   {"type": "ByteLevel", "add_prefix_space": false}]},
                 "model": {"type": "BPE", "vocab": {%s}, "merges": [["t1", "t2"]]}}""".formatted(vocab));
        ModelFileWriter.safetensors(model.resolve("model.safetensors"), Map.of());

        Identity unit = assess(model).models().get(0).identity();

        assertThat(unit.family()).isEqualTo("mistral");
        assertThat(unit.architectureFamily()).isEqualTo("mistral");
        assertThat(unit.tokenizerFamily()).isEqualTo("qwen");
        assertThat(unit.evidence()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("tokenizer_vocab");
            assertThat(e.value()).isEqualTo("151643");
            assertThat(e.aspect()).isEqualTo("tokenizer");
            assertThat(e.source()).endsWith("tokenizer.json#/model/vocab");
        });
        assertThat(unit.evidence()).anySatisfy(e -> assertThat(e.kind()).isEqualTo("pre_tokenizer"));
        assertThat(unit.evidence()).filteredOn(e -> e.kind().equals("architecture"))
                .allSatisfy(e -> assertThat(e.aspect()).isEqualTo("body"));
    }

    private Path copy(Path source) throws IOException {
        Path target = dir.resolve(source.getFileName().toString());
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName().toString()));
            }
        }
        return target;
    }

    private static ScanAssessment assess(Path path) throws IOException {
        return new AssessmentBuilder(KnowledgeBaseLoader.builtIn()).build(Scanner.withDefaults().scan(List.of(path)));
    }
}
