package io.modelgate.provenance.identity;

import io.modelgate.provenance.kb.KnowledgeBaseLoader;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A LoRA adapter whose base is a local path still shows its base architecture: the modules it adapts are tensors
 * of the base, named by the base's tensor grammar.
 */
class AdapterTraitsTest {

    private final ProvenanceEngine engine = new ProvenanceEngine(KnowledgeBaseLoader.builtIn());

    private ModelProvenance adapter(Map<String, List<Long>> tensors) {
        Doc config = new Doc("a/adapter_config.json", Map.of("base_model_name_or_path", "/home/me/models/base",
                "peft_type", "LORA", "r", 8));
        ModelEvidenceInput input = new ModelEvidenceInput("a", UnitKind.ADAPTER, null, "a", null, null, null, null,
                config, null, null, null, new TensorLayout("a/adapter_model.safetensors", tensors), List.of());
        return engine.assess(input).model();
    }

    @Test
    void peftModuleNamesTellTheBaseArchitecture() {
        Map<String, List<Long>> tensors = new LinkedHashMap<>();
        tensors.put("base_model.model.model.layers.0.self_attn.W_pack.lora_A.weight", List.of(8L, 4096L));
        tensors.put("base_model.model.model.layers.0.self_attn.W_pack.lora_B.weight", List.of(12288L, 8L));
        assertThat(adapter(tensors).family()).isEqualTo("baichuan");
    }

    @Test
    void mlxModuleNamesTellTheBaseArchitectureToo() {
        Map<String, List<Long>> tensors = new LinkedHashMap<>();
        tensors.put("model.layers.0.self_attn.qkv_proj.lora_a", List.of(3072L, 8L));
        tensors.put("model.layers.0.mlp.gate_up_proj.lora_b", List.of(8L, 16384L));
        assertThat(adapter(tensors).family()).isEqualTo("phi");
    }

    @Test
    void commonModuleNamesAloneIdentifyNothing() {
        Map<String, List<Long>> tensors = new LinkedHashMap<>();
        tensors.put("base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight", List.of(8L, 4096L));
        tensors.put("base_model.model.model.layers.0.self_attn.v_proj.lora_B.weight", List.of(1024L, 8L));
        assertThat(adapter(tensors).family()).isNull();
    }

    private ModelProvenance adapterConfig(Map<String, Object> fields) {
        Map<String, Object> config = new LinkedHashMap<>(Map.of("base_model_name_or_path", "/home/me/models/base",
                "peft_type", "LORA", "r", 16));
        config.putAll(fields);
        ModelEvidenceInput input = new ModelEvidenceInput("a", UnitKind.ADAPTER, null, "a", null, null, null, null,
                new Doc("a/adapter_config.json", config), null, null, null, null, List.of());
        return engine.assess(input).model();
    }

    @Test
    void llamaShapedTargetModulesWithALocalBaseNameNoFamily() {
        ModelProvenance m = adapterConfig(Map.of("target_modules",
                List.of("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj")));
        assertThat(m.family()).isNull();
    }

    @Test
    void fusedTargetModulesPointAtTheirFamilyButNeverConfidently() {
        ModelProvenance m = adapterConfig(Map.of("target_modules",
                List.of("qkv_proj", "gate_up_proj", "o_proj", "down_proj")));
        assertThat(m.family()).isEqualTo("phi");
        assertThat(m.confidence()).isLessThan(0.7);
        assertThat(m.evidence()).filteredOn(e -> e.kind().equals("target_module")).singleElement()
                .satisfies(e -> {
                    assertThat(e.aspect()).isEqualTo("body");
                    assertThat(e.value()).isEqualTo("down_proj,gate_up_proj,o_proj,qkv_proj");
                    assertThat(e.weight()).isEqualTo(0.3);
                });
    }

    @Test
    void aTargetModuleRegexAndDottedNamesAreReadByTheirModuleNames() {
        assertThat(adapterConfig(Map.of("target_modules", ".*\\.(W_pack|o_proj)$")).family()).isEqualTo("baichuan");
        assertThat(adapterConfig(Map.of("target_modules", List.of("model.layers.0.self_attn.W_pack"))).family())
                .isEqualTo("baichuan");
        assertThat(adapterConfig(Map.of("target_modules", "all-linear")).family()).isNull();
    }

    @Test
    void mlxLoraKeysAreTargetModulesToo() {
        assertThat(adapterConfig(Map.of("lora_parameters", Map.of("keys", List.of("self_attn.W_pack"), "rank", 8)))
                .family()).isEqualTo("baichuan");
    }

    @Test
    void theBaseClassPeftRecordedIsTheBaseArchitecture() {
        ModelProvenance m = adapterConfig(Map.of("auto_mapping",
                Map.of("base_model_class", "Qwen2ForCausalLM", "parent_library", "transformers.models.qwen2.modeling_qwen2")));
        assertThat(m.family()).isEqualTo("qwen");
        assertThat(m.confidence()).isLessThan(0.7);
    }

    @Test
    void loraFactorsOfTheHeadOrEmbeddingsGiveTheBasesVocabulary() {
        Map<String, List<Long>> peft = new LinkedHashMap<>();
        peft.put("base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight", List.of(8L, 3584L));
        peft.put("base_model.model.lm_head.lora_B.weight", List.of(152064L, 8L));
        ModelProvenance head = adapter(peft);
        assertThat(head.family()).isEqualTo("qwen");
        assertThat(head.evidence()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("vocab_size");
            assertThat(e.value()).isEqualTo("152064");
            assertThat(e.source()).endsWith("#tensor:base_model.model.lm_head.lora_B.weight");
        });

        Map<String, List<Long>> embedding = new LinkedHashMap<>();
        embedding.put("base_model.model.model.embed_tokens.lora_embedding_A", List.of(8L, 151936L));
        assertThat(adapter(embedding).evidence()).anySatisfy(e -> assertThat(e.value()).isEqualTo("151936"));

        Map<String, List<Long>> mlx = new LinkedHashMap<>();
        mlx.put("lm_head.lora_b", List.of(8L, 128256L));
        assertThat(adapter(mlx).evidence()).anySatisfy(e -> assertThat(e.value()).isEqualTo("128256"));
    }

    @Test
    void ordinaryLoraFactorsAreNoVocabulary() {
        Map<String, List<Long>> tensors = new LinkedHashMap<>();
        tensors.put("base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight", List.of(8L, 151936L));
        tensors.put("base_model.model.model.layers.0.self_attn.q_proj.lora_B.weight", List.of(152064L, 8L));
        assertThat(adapter(tensors).evidence()).noneSatisfy(e -> assertThat(e.kind()).isEqualTo("vocab_size"));
    }
}
