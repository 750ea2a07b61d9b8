package io.modelgate.provenance.identity;

import io.modelgate.provenance.kb.KnowledgeBaseLoader;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Body and tokenizer are scored apart: a body labelled as its own architecture that borrows another family's
 * tokenizer stays its family (the tokenizer is named as borrowed), while a tokenizer family that ships under the
 * body's label (DeepSeek's distills on Qwen2 bodies) made the model.
 */
class BodyAndTokenizerTest {

    private final ProvenanceEngine engine = new ProvenanceEngine(KnowledgeBaseLoader.builtIn());

    private static final Map<String, Object> LLAMA3_TOKENIZER = Map.of(
            "bos_token", "<|begin_of_text|>", "eos_token", "<|eot_id|>",
            "additional_special_tokens", List.of("<|start_header_id|>", "<|end_header_id|>", "<|eom_id|>",
                    "<|python_tag|>", "<|finetune_right_pad_id|>"),
            "chat_template", "{{ '<|start_header_id|>' + message['role'] + '<|end_header_id|>' }}");

    private ModelProvenance assess(Map<String, Object> config, Map<String, Object> tokenizer) {
        ModelEvidenceInput input = new ModelEvidenceInput("m", UnitKind.HF_FOLDER, null, "m",
                new Doc("m/config.json", config), new Doc("m/tokenizer_config.json", tokenizer), null, null, null,
                null, null, null, null, List.of());
        return engine.assess(input).model();
    }

    @Test
    void aBodyOfItsOwnArchitectureThatBorrowsATokenizerStaysItsFamily() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("architectures", List.of("SmolLM3ForCausalLM"));
        config.put("model_type", "smollm3");
        config.put("vocab_size", 128256);
        ModelProvenance m = assess(config, LLAMA3_TOKENIZER);
        assertThat(m.family()).isEqualTo("smollm");
        assertThat(m.architectureFamily()).isEqualTo("smollm");
        assertThat(m.tokenizerFamily()).isEqualTo("llama");
    }

    @Test
    void aTokenizerFamilyThatShipsOnTheBodysLabelMadeTheModel() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("architectures", List.of("Qwen2ForCausalLM"));
        config.put("model_type", "qwen2");
        config.put("vocab_size", 152064);
        Map<String, Object> tokenizer = Map.of("bos_token", "<｜begin▁of▁sentence｜>",
                "eos_token", "<｜end▁of▁sentence｜>", "chat_template", "{{'<｜User｜>' + content + '<｜Assistant｜>'}}");
        ModelProvenance m = assess(config, tokenizer);
        assertThat(m.family()).isEqualTo("deepseek");
        assertThat(m.architectureFamily()).isEqualTo("qwen");
        assertThat(m.tokenizerFamily()).isEqualTo("deepseek");
    }

    private static final String QWEN_SPLIT = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}|"
            + " ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

    /** tokenizer.json as the scanner reduces it: counts, split patterns, BOS/EOS and added tokens. */
    private static Map<String, Object> qwenTokenizerJson() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("added_tokens", List.of("<|endoftext|>", "<|im_start|>", "<|im_end|>"));
        doc.put("model_type", "BPE");
        doc.put("vocab_count", 151643L);
        doc.put("token_count", 151646L);
        doc.put("merges_count", 151387L);
        doc.put("pre_tokenizers", List.of("Sequence", "Split", "ByteLevel"));
        doc.put("pre_tokenizer_patterns", List.of(QWEN_SPLIT));
        return doc;
    }

    private ModelProvenance assessWithTokenizerJson(Map<String, Object> config, Map<String, Object> tokenizerJson) {
        ModelEvidenceInput input = new ModelEvidenceInput("m", UnitKind.HF_FOLDER, null, "m",
                config == null ? null : new Doc("m/config.json", config), null,
                new Doc("m/tokenizer.json", tokenizerJson), null, null, null, null, null, null, List.of());
        return engine.assess(input).model();
    }

    @Test
    void tokenizerJsonCountsAndSplitPatternAreTokenizerEvidence() {
        ModelProvenance m = assessWithTokenizerJson(null, qwenTokenizerJson());
        assertThat(m.family()).isEqualTo("qwen");
        assertThat(m.evidence()).filteredOn(e -> e.kind().equals("tokenizer_vocab"))
                .extracting(Evidence::value, Evidence::aspect).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("151643", "tokenizer"));
        assertThat(m.evidence()).filteredOn(e -> e.kind().equals("pre_tokenizer")).singleElement()
                .satisfies(e -> assertThat(e.source()).isEqualTo("m/tokenizer.json#/pre_tokenizer"));
    }

    @Test
    void aBodyOfAnotherArchitectureWithAQwenTokenizerJsonIsNotQwen() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("architectures", List.of("MistralForCausalLM"));
        config.put("model_type", "mistral");
        config.put("vocab_size", 151936);
        ModelProvenance m = assessWithTokenizerJson(config, qwenTokenizerJson());
        assertThat(m.family()).isEqualTo("mistral");
        assertThat(m.architectureFamily()).isEqualTo("mistral");
        assertThat(m.tokenizerFamily()).isEqualTo("qwen");
        assertThat(m.evidence()).filteredOn(e -> e.family().equals("qwen"))
                .allSatisfy(e -> assertThat(e.aspect()).isIn("tokenizer", "body"));
        assertThat(m.evidence()).filteredOn(e -> e.aspect().equals("tokenizer"))
                .extracting(Evidence::family).containsOnly("qwen");
    }

    @Test
    void theTokenizersOwnBosAndEosAreSpecialTokens() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("added_tokens", List.of());
        doc.put("vocab_count", 128000L);
        doc.put("bos_token", "<|begin_of_text|>");
        ModelProvenance m = assessWithTokenizerJson(null, doc);
        assertThat(m.family()).isEqualTo("llama");
        assertThat(m.evidence()).extracting(Evidence::value).contains("<|begin_of_text|>", "128000");
    }

    @Test
    void aTokenizerAloneOnAGenericBodyNamesItsFamilyButNeverConfidently() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("architectures", List.of("LlamaForCausalLM"));
        config.put("model_type", "llama");
        config.put("hidden_size", 1024);
        ModelEvidenceInput input = new ModelEvidenceInput("m", UnitKind.HF_FOLDER, null, "m",
                new Doc("m/config.json", config),
                new Doc("m/tokenizer_config.json", Map.of("tokenizer_class", "Qwen2Tokenizer",
                        "additional_special_tokens", List.of("<|im_start|>", "<|im_end|>", "<|object_ref_start|>"))),
                new Doc("m/tokenizer.json", qwenTokenizerJson()), null, null, null, null, null, null, List.of());
        ModelProvenance m = engine.assess(input).model();
        assertThat(m.family()).isEqualTo("qwen");
        assertThat(m.confidence()).isLessThan(0.7);
    }
}
