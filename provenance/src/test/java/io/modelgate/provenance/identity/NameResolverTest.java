package io.modelgate.provenance.identity;

import io.modelgate.provenance.kb.KnowledgeBaseLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Names and organisations point at a family only exactly: whole words, exact organisation ids. */
class NameResolverTest {

    private final NameResolver names = new NameResolver(KnowledgeBaseLoader.builtIn());

    @Test
    void aNameInsideAnotherWordIsNotTheName() {
        assertThat(names.families("acme/notqwenish-7b")).isEmpty();
        assertThat(names.families("Qwen2.5-7B-Instruct")).containsExactly("qwen");
        assertThat(names.families("DeepSeek-R1-Distill-Qwen-7B")).contains("deepseek", "qwen");
        assertThat(names.families("superllamaish")).isEmpty();
        assertThat(names.families("Meta-Llama-3.1-8B")).containsExactly("llama");
        assertThat(names.families("aya-expanse-8b")).containsExactly("command-r");
    }

    @Test
    void anOrganisationCountsOnlyWhenItIsExactlyOneFamilysPublisher() {
        assertThat(names.families("meta-llama-fan/cool-model")).isEmpty();
        assertThat(names.organisation("meta-llama-fan")).isEmpty();
        assertThat(names.organisation("Meta Llama")).containsExactly("llama");
        assertThat(names.families("deepseek-ai/some-model")).containsExactly("deepseek");
        assertThat(names.families("LGAI-EXAONE/some-model")).containsExactly("exaone");
        // Publishers of many families (Google, Microsoft, BAAI) say nothing about which one a model is.
        assertThat(names.families("google/flan-t5-base")).isEmpty();
        assertThat(names.families("microsoft/deberta-v3-base")).isEmpty();
        assertThat(names.families("BAAI/Aquila2-7B")).isEmpty();
        assertThat(names.families("google/gemma-2-9b-it")).containsExactly("gemma");
    }

    @Test
    void anOrganisationOfSeveralFamiliesImpliesNone(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("kb.yaml");
        Files.writeString(file, """
                kbVersion: "test-1"
                families:
                  - id: qwen
                    extend: true
                    orgs: [shared-lab]
                  - id: acmelm
                    name: AcmeLM
                    publisher: Shared Lab
                    country: NL
                    orgs: [shared-lab]
                    license: Apache-2.0
                    sources: ["test"]
                    signals:
                      - {on: model_type, value: acme, weight: 0.7}
                """);
        NameResolver shared = new NameResolver(KnowledgeBaseLoader.withUserFiles(List.of(file)));
        assertThat(shared.organisation("shared-lab")).isEmpty();
        assertThat(shared.families("shared-lab/model-7b")).isEmpty();
        assertThat(shared.families("shared-lab/qwen-7b")).containsExactly("qwen");
        assertThat(shared.organisation("Qwen")).containsExactly("qwen");
    }
}
