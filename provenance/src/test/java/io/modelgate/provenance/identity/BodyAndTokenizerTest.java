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
}
