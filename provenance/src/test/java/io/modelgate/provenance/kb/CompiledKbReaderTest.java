package io.modelgate.provenance.kb;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompiledKbReaderTest {

    /**
     * The streaming reader gives exactly what data binding gives for every file the build compiled (the binding
     * a user file goes through).
     */
    @Test
    void readsTheBuiltInFilesAsDatabindDoes() throws Exception {
        for (String name : KnowledgeBaseLoader.BUILT_IN) {
            KbDocument bound;
            try (InputStream in = KnowledgeBaseLoader.class.getResourceAsStream(name + ".json")) {
                bound = KnowledgeBaseLoader.yamlMapper().readValue(in, KbDocument.class);
            }
            KbDocument streamed;
            try (InputStream in = KnowledgeBaseLoader.class.getResourceAsStream(name + ".json")) {
                streamed = CompiledKbReader.read(in);
            }
            assertThat(streamed).as(name).isEqualTo(bound);
            assertThat(streamed.families().size() + streamed.licenses().size()).as(name).isPositive();
        }
    }

    @Test
    void unknownFieldsWrongTypesAndDuplicatesAreErrors() {
        assertThatThrownBy(() -> read("{\"kbVersion\":\"1\",\"famlies\":[]}")).hasMessageContaining("famlies");
        assertThatThrownBy(() -> read("{\"families\":[{\"id\":\"x\",\"orgs\":\"one\"}]}"))
                .hasMessageContaining("orgs");
        assertThatThrownBy(() -> read("{\"families\":[{\"id\":\"x\",\"signals\":[{\"on\":\"architecture\","
                + "\"value\":\"X\",\"weight\":\"high\"}]}]}")).hasMessageContaining("weight");
        assertThatThrownBy(() -> read("{\"kbVersion\":\"1\",\"kbVersion\":\"2\"}")).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> read("[]")).hasMessageContaining("one JSON object");
        assertThatThrownBy(() -> read("{\"families\":" + "[".repeat(40) + "]".repeat(40) + "}"))
                .hasMessageContaining("deeper");
    }

    @Test
    void absentListsAreEmptyAndSignalKindsAreReadInAnyCase() throws Exception {
        KbDocument document = read("{\"families\":[{\"id\":\"x\",\"signals\":[{\"on\":\"model_type\","
                + "\"value\":\"x\",\"weight\":0.5}]}]}");
        FamilyDef family = document.families().get(0);
        assertThat(family.orgs()).isEmpty();
        assertThat(family.signals().get(0).on()).isEqualTo(SignalKind.MODEL_TYPE);
        assertThat(document.licenses()).isEmpty();
    }

    private static KbDocument read(String json) throws Exception {
        return CompiledKbReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
