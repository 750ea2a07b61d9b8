package io.modelgate.provenance.kb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The knowledge base is data: versioned, complete for the families the product names, extensible by users. */
class KnowledgeBaseLoaderTest {

    @TempDir
    Path dir;

    @Test
    void builtInDataCoversTheNamedFamiliesWithPublisherCountryAndKnownLicenses() {
        KnowledgeBase kb = KnowledgeBaseLoader.builtIn();
        assertThat(kb.version()).matches("\\d{4}\\.\\d+\\.\\d+");
        assertThat(kb.families()).extracting(FamilyDef::id).contains("qwen", "deepseek", "llama", "mistral", "gemma",
                "phi", "yi", "glm", "baichuan", "internlm", "minicpm", "kimi", "minimax", "falcon", "olmo", "gpt-oss",
                "granite", "command-r", "starcoder2", "smollm", "nemotron", "hunyuan", "ernie", "exaone", "bert",
                "xlm-roberta", "bge", "e5", "gte", "nomic", "jina", "lfm", "seed-oss", "mimo", "a.x", "kanana");
        for (FamilyDef family : kb.families()) {
            assertThat(family.country()).as(family.id()).matches("[A-Z]{2}");
            assertThat(family.publisher()).as(family.id()).isNotBlank();
            assertThat(kb.license(family.license())).as(family.id() + " license").isPresent();
            family.licenses().forEach(l -> assertThat(kb.license(l)).as(family.id() + " " + l).isPresent());
            family.generations().stream().filter(g -> g.license() != null)
                    .forEach(g -> assertThat(kb.license(g.license())).as(g.id()).isPresent());
            family.generations().forEach(g -> g.sizeLicenses().values()
                    .forEach(l -> assertThat(kb.license(l)).as(g.id() + " " + l).isPresent()));
            // A line built on another family's body is told apart by its names; every other family by traits.
            if (family.builtOn().isEmpty()) {
                assertThat(family.signals()).as(family.id()).isNotEmpty();
            }
            family.builtOn().forEach(b -> assertThat(kb.family(b)).as(family.id() + " built on " + b).isPresent());
            assertThat(family.sources()).as(family.id() + " sources").isNotEmpty();
        }
        assertThat(kb.licenseByAlias("llama3.1")).map(LicenseDef::id).contains("LicenseRef-llama3.1");
        assertThat(kb.licenseByAlias("TONGYI-QIANWEN")).map(LicenseDef::id).contains("LicenseRef-tongyi-qianwen");
    }

    @Test
    void aUserFileAddsFamiliesAndExtendsOrReplacesBuiltInOnes() throws IOException {
        Path file = dir.resolve("kb.yaml");
        Files.writeString(file, """
                kbVersion: "acme-2"
                families:
                  - id: qwen
                    extend: true
                    orgs: [acme-qwen-mirror]
                  - id: phi
                    name: Phi (replaced)
                    publisher: Someone else
                    country: GB
                    license: MIT
                  - id: acmelm
                    name: AcmeLM
                    publisher: Acme
                    country: NL
                    license: LicenseRef-acme
                    signals:
                      - {on: model_type, value: acmelm, weight: 0.8}
                licenses:
                  - id: LicenseRef-acme
                    name: Acme Model License
                    aliases: [acme]
                    commercialUse: "false"
                    kind: research
                """);
        KnowledgeBase kb = KnowledgeBaseLoader.withUserFiles(List.of(file));
        assertThat(kb.version()).isEqualTo(KnowledgeBaseLoader.builtIn().version() + "+user");
        FamilyDef qwen = kb.family("qwen").orElseThrow();
        assertThat(qwen.orgs()).contains("Qwen", "acme-qwen-mirror");
        assertThat(qwen.signals()).hasSameSizeAs(KnowledgeBaseLoader.builtIn().family("qwen").orElseThrow().signals());
        assertThat(kb.family("phi").orElseThrow().country()).isEqualTo("GB");
        assertThat(kb.family("phi").orElseThrow().signals()).isEmpty();
        assertThat(kb.family("acmelm")).isPresent();
        assertThat(kb.licenseByAlias("acme")).map(LicenseDef::commercialUse).contains("false");
    }

    @Test
    void invalidUserFilesAreRejectedWithTheirName() throws IOException {
        Path badWeight = dir.resolve("weight.yaml");
        Files.writeString(badWeight, "families:\n  - id: x\n    signals:\n      - {on: vocab_size, value: '1', weight: 1.5}\n");
        assertThatThrownBy(() -> KnowledgeBaseLoader.withUserFiles(List.of(badWeight)))
                .isInstanceOf(IOException.class).hasMessageContaining("weight.yaml");
        Path badPattern = dir.resolve("pattern.yaml");
        Files.writeString(badPattern, "families:\n  - id: x\n    namePatterns: ['(unclosed']\n");
        assertThatThrownBy(() -> KnowledgeBaseLoader.withUserFiles(List.of(badPattern)))
                .isInstanceOf(IOException.class);
        Path unknownKey = dir.resolve("typo.yaml");
        Files.writeString(unknownKey, "families:\n  - id: x\n    publsher: typo\n");
        assertThatThrownBy(() -> KnowledgeBaseLoader.withUserFiles(List.of(unknownKey)))
                .isInstanceOf(IOException.class);
    }
}
