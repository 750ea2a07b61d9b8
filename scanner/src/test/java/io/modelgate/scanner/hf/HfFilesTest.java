package io.modelgate.scanner.hf;

import io.modelgate.scanner.Scanner;
import io.modelgate.scanner.testing.ScanReports;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.ScanReport;
import io.modelgate.scanner.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HfFilesTest {

    private static final Path HF = Path.of("..", "fixtures", "hf");

    private static FileResult scan(Path file) {
        return Scanner.withDefaults().scanFile(file);
    }

    private static List<String> rules(FileResult result) {
        return result.findings().stream().map(Finding::ruleId).toList();
    }

    @Test
    void tinyChatFolderHasNothingAboveInfo() throws IOException {
        ScanReport report = Scanner.withDefaults().scan(List.of(HF.resolve("tiny-chat")));

        assertThat(report.files()).hasSizeGreaterThanOrEqualTo(6);
        for (FileResult file : report.files()) {
            assertThat(file.findings()).as(file.path())
                    .noneMatch(f -> f.severity().atLeast(Severity.LOW));
            assertThat(file.incompleteReasons()).as(file.path()).isEmpty();
        }
    }

    @Test
    void configFactsAreRecorded() {
        FileResult config = scan(HF.resolve("tiny-chat/config.json"));

        assertThat(config.format()).isEqualTo("json");
        assertThat(config.facts()).containsEntry("hf.config.model_type", "qwen2")
                .containsEntry("hf.config.architectures", List.of("Qwen2ForCausalLM"))
                .containsEntry("hf.config.vocab_size", 8L)
                .containsEntry("hf.config.rope_theta", 1000000.0)
                .containsEntry("hf.config.tie_word_embeddings", true)
                .containsEntry("hf.config._name_or_path", "example-org/tiny-chat-0.1B");
    }

    @Test
    void tokenizerConfigFactsAndTemplate() {
        FileResult tokenizer = scan(HF.resolve("tiny-chat/tokenizer_config.json"));

        assertThat(tokenizer.findings()).isEmpty();
        assertThat(tokenizer.facts()).containsEntry("hf.tokenizer.tokenizer_class", "Qwen2Tokenizer")
                .containsEntry("hf.tokenizer.eos_token", "<|im_end|>")
                .containsEntry("hf.tokenizer.model_max_length", 131072L)
                .containsEntry("hf.tokenizer.chat_template.chat_format", "chatml")
                .containsEntry("hf.tokenizer.added_tokens", List.of("<|endoftext|>", "<|im_start|>", "<|im_end|>"));
    }

    @Test
    void specialTokensAndGenerationConfig() {
        FileResult special = scan(HF.resolve("tiny-chat/special_tokens_map.json"));
        FileResult generation = scan(HF.resolve("tiny-chat/generation_config.json"));

        assertThat(special.facts()).containsEntry("hf.special_tokens.eos_token", "<|im_end|>");
        assertThat(generation.facts()).containsEntry("hf.generation.eos_token_id", List.of(151645L, 151643L))
                .containsEntry("hf.generation.top_k", 20L);
    }

    @Test
    void modelCardFrontMatter() {
        FileResult card = scan(HF.resolve("tiny-chat/README.md"));

        assertThat(card.format()).isEqualTo("model-card");
        assertThat(card.findings()).isEmpty();
        assertThat(card.facts()).containsEntry("hf.card.license", "apache-2.0")
                .containsEntry("hf.card.base_model", "Qwen/Qwen2.5-0.5B-Instruct")
                .containsEntry("hf.card.base_model_relation", "finetune")
                .containsEntry("hf.card.language", List.of("en", "zh"))
                .containsEntry("hf.card.pipeline_tag", "text-generation");
    }

    @Test
    void autoMapIsAReviewFindingNamingTheModules() {
        FileResult config = scan(HF.resolve("custom-code/config.json"));

        assertThat(config.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("MG-HF-001");
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.message()).contains("modeling_tinylm.py", "configuration_tinylm.py");
        });
        assertThat(config.facts()).containsEntry("hf.config.rope_scaling.type", "dynamic");
    }

    @Test
    void autoMapModulesMustBeShippedAndReadableAsPython(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("config.json"), "{\"auto_map\": {\"AutoConfig\": \"configuration_x.XConfig\","
                + " \"AutoModel\": \"modeling_x.XModel\"}}");
        Files.write(dir.resolve("modeling_x.py"), new byte[]{(byte) 0x80, 0x04, 0x00, 0x01, 0x02, (byte) 0xff});

        ScanReport report = Scanner.withDefaults().scan(List.of(dir));
        FileResult config = report.files().stream().filter(f -> f.path().endsWith("config.json")).findFirst()
                .orElseThrow();
        FileResult modeling = report.files().stream().filter(f -> f.path().endsWith("modeling_x.py")).findFirst()
                .orElseThrow();

        assertThat(ScanReports.findingsAt(report, "config.json")).extracting(Finding::ruleId)
                .contains("MG-HF-001", "MG-HF-003");
        assertThat(ScanReports.findingsAt(report, "config.json")).filteredOn(f -> f.ruleId().equals("MG-HF-003"))
                .extracting(Finding::subject).containsExactly("configuration_x");
        assertThat(ScanReports.incompleteAt(report, "modeling_x.py")).isNotEmpty();
    }

    @Test
    void externalAutoMapAndListTemplates(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tokenizer_config.json");
        Files.writeString(file, """
                {"auto_map": {"AutoTokenizer": ["other/repo--tokenization_x.XTokenizer", null]},
                 "chat_template": [
                   {"name": "default", "template": "{{ messages[0]['content'] }}"},
                   {"name": "tool_use", "template": "{{ cycler.__init__.__globals__.os.popen('id').read() }}"}]}
                """);

        FileResult result = scan(file);

        assertThat(rules(result)).contains("MG-HF-002", "MG-TPL-001", "MG-TPL-002").doesNotContain("MG-HF-001");
    }

    @Test
    void credentialsInJsonAreReported(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("adapter_config.json");
        Files.writeString(file, "{\"base_model_name_or_path\": \"meta-llama/Llama-3.1-8B\", \"peft_type\": \"LORA\","
                + " \"r\": 16, \"target_modules\": [\"q_proj\", \"v_proj\"],"
                + " \"hub_token\": \"hf_" + "aBcDeFgHiJkLmNoPqRsTuVwXyZ01234567\"}");

        FileResult result = scan(file);

        assertThat(rules(result)).contains("MG-SEC-002");
        assertThat(result.facts()).containsEntry("hf.adapter.peft_type", "LORA")
                .containsEntry("hf.adapter.r", 16L)
                .containsEntry("hf.adapter.target_modules", List.of("q_proj", "v_proj"))
                .containsEntry("hf.adapter.base_model_name_or_path", "meta-llama/Llama-3.1-8B");
    }

    @Test
    void chatTemplateJson(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("chat_template.json");
        Files.writeString(file, "{\"chat_template\": \"{{ ''.__class__.__mro__[1].__subclasses__() }}\"}");

        assertThat(rules(scan(file))).contains("MG-TPL-001");
    }

    @Test
    void duplicateKeysAndDeepNestingAreIncomplete(@TempDir Path dir) throws IOException {
        Path duplicate = dir.resolve("config.json");
        Files.writeString(duplicate, "{\"model_type\": \"llama\", \"model_type\": \"qwen2\"}");
        Path deep = dir.resolve("generation_config.json");
        Files.writeString(deep, "{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}");

        assertThat(scan(duplicate).incompleteReasons()).isNotEmpty();
        assertThat(scan(deep).incompleteReasons()).isNotEmpty();
    }

    @Test
    void hugeJsonIsBoundedAndOtherJsonIsStreamed(@TempDir Path dir) throws IOException {
        Path huge = dir.resolve("config.json");
        writeLargeJson(huge, 40 * 1024 * 1024);
        Path other = dir.resolve("tokenizer.json");
        writeLargeJson(other, 40 * 1024 * 1024);

        FileResult config = scan(huge);
        FileResult tokenizer = scan(other);

        assertThat(rules(config)).contains("MG-GEN-002");
        assertThat(tokenizer.findings()).isEmpty();
        assertThat(tokenizer.incompleteReasons()).isEmpty();
    }

    @Test
    void truncatedJsonIsIncomplete(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("config.json");
        Files.writeString(file, "{\"model_type\": \"llama\", \"vocab_size\": 32000, " + "\"x\": 1, ".repeat(2000));

        FileResult result = scan(file);

        assertThat(result.format()).isEqualTo("json");
        assertThat(result.incompleteReasons()).isNotEmpty();
    }

    @Test
    void notJsonByContentIsNotJson(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("config.json");
        Files.write(file, new byte[]{'{', (byte) 0xff, (byte) 0xfe, 0, 1, 2});

        assertThat(scan(file).format()).isNotEqualTo("json");
    }

    @Test
    void modelCardAliasesDoNotExpandAndUnclosedFrontMatterIsIncomplete(@TempDir Path dir) throws IOException {
        StringBuilder bomb = new StringBuilder("---\na: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'z'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *")
                    .append(p).append(", *").append(p).append("]\n");
        }
        bomb.append("---\n# card\n");
        Path card = dir.resolve("README.md");
        Files.writeString(card, bomb.toString(), StandardCharsets.UTF_8);
        Path unclosed = dir.resolve("MODEL_CARD.md");
        Files.writeString(unclosed, "---\nlicense: mit\n");

        FileResult bombed = scan(card);

        // bounded work: aliases are never expanded into facts
        assertThat(bombed.facts().toString()).hasSizeLessThan(10_000);
        assertThat(scan(unclosed).incompleteReasons()).isNotEmpty();
    }

    private static void writeLargeJson(Path file, int bytes) throws IOException {
        StringBuilder sb = new StringBuilder(bytes + 64).append("{\"model\": {\"vocab\": {");
        int i = 0;
        while (sb.length() < bytes) {
            sb.append('"').append("token").append(i).append("\": ").append(i++).append(", ");
        }
        sb.append("\"end\": 0}}}");
        Files.writeString(file, sb);
    }
}
