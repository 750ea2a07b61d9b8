package io.modelgate.provenance.kb;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelgate.scanner.data.CompactTree;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompiledKbReaderTest {

    /**
     * The compiled files read as data binding reads their YAML sources (the binding a user file goes through).
     */
    @Test
    void readsTheBuiltInFilesAsDatabindReadsTheirSources() throws Exception {
        for (String name : KnowledgeBaseLoader.BUILT_IN) {
            KbDocument bound = KnowledgeBaseLoader.yamlMapper().readValue(
                    Path.of("src/main/resources/io/modelgate/provenance/kb", name + ".yaml").toFile(), KbDocument.class);
            KbDocument streamed;
            try (InputStream in = KnowledgeBaseLoader.class.getResourceAsStream(name + KnowledgeBaseLoader.COMPILED)) {
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
        assertThatThrownBy(() -> read("[]")).hasMessageContaining("not an object");
        assertThatThrownBy(() -> read("{\"families\":[[]]}")).hasMessageContaining("not an object");
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

    /** The JSON compiled as the build compiles a source. */
    private static KbDocument read(String json) throws Exception {
        Object tree = KnowledgeBaseCompiler.compact(new ObjectMapper().readTree(json));
        return CompiledKbReader.read(new ByteArrayInputStream(CompactTree.write(tree)));
    }
}
