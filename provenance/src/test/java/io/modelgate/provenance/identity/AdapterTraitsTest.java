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
}
