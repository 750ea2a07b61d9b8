package io.modelgate.provenance.identity;

import io.modelgate.provenance.kb.KnowledgeBaseLoader;
import io.modelgate.scanner.model.ArtifactPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Metadata values of unexpected types are set aside by the engine, never a crash. */
class HostileMetadataTest {

    @Test
    void oddTypesAreTolerated() {
        ModelEvidenceInput input = new ModelEvidenceInput("m", UnitKind.HF_FOLDER, ArtifactPath.of("m/config.json"), "m",
                new Doc("m/config.json", Map.of("architectures", "notAList", "vocab_size", "big",
                        "text_config", Map.of("model_type", 7))),
                new Doc("m/tokenizer_config.json", Map.of("added_tokens_decoder", List.of(1, 2),
                        "chat_template", List.of(Map.of("name", "default")))),
                new Doc("m/tokenizer.json", Map.of("added_tokens", List.of(5, Map.of()))), null, null,
                new Doc("m/README.md", Map.of("license", List.of(3), "base_model", List.of(4))),
                null, null, null, null);
        UnitAssessment assessment = new ProvenanceEngine(KnowledgeBaseLoader.builtIn()).assess(input);
        assertThat(assessment.model().family()).isNull();
        assertThat(assessment.findings()).extracting(f -> f.ruleId()).contains("MG-PROV-005", "MG-LIC-001");
    }
}
