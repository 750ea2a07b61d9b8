package io.modelgate.provenance.license;

import io.modelgate.provenance.kb.KnowledgeBase;
import io.modelgate.provenance.kb.KnowledgeBaseLoader;
import io.modelgate.provenance.kb.LicenseDef;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Inheritance: a derivative keeps the obligations of a base whose terms bind derivatives. */
class LicenseAssessorTest {

    private final KnowledgeBase kb = KnowledgeBaseLoader.builtIn();
    private final LicenseAssessor assessor = new LicenseAssessor();

    private LicenseDef license(String id) {
        return kb.license(id).orElseThrow();
    }

    @Test
    void aPermissiveBaseLetsADerivativeChooseItsLicense() {
        LicenseAssessment a = assessor.assess(List.of(new DeclaredLicense("mit", "README.md#/license", license("MIT"))),
                List.of(new InheritedLicense("Qwen/Qwen2.5-7B", license("Apache-2.0"))), null);
        assertThat(a.issues()).isEmpty();
        assertThat(a.verdict().id()).isEqualTo("MIT");
        assertThat(a.verdict().commercialUse()).isEqualTo("true");
    }

    @Test
    void aResearchBaseMakesTheDerivativeNonCommercialAndConflicts() {
        LicenseAssessment a = assessor.assess(
                List.of(new DeclaredLicense("apache-2.0", "README.md#/license", license("Apache-2.0"))),
                List.of(new InheritedLicense("Qwen/Qwen2.5-3B", license("LicenseRef-qwen-research"))), null);
        assertThat(a.issues()).extracting(i -> i.rule().id()).containsExactly("MG-LIC-002");
        assertThat(a.verdict().commercialUse()).isEqualTo("false");
        assertThat(a.verdict().obligations()).contains("non-commercial-research-only");
        assertThat(a.verdict().conflicts()).singleElement().asString()
                .contains("Apache-2.0").contains("LicenseRef-qwen-research");
    }

    @Test
    void nothingDeclaredInfersTheBaseLicenseAndSaysSo() {
        LicenseAssessment a = assessor.assess(List.of(),
                List.of(new InheritedLicense("meta-llama/Llama-3.1-8B", license("LicenseRef-llama3.1"))), null);
        assertThat(a.issues()).extracting(i -> i.rule().id()).containsExactly("MG-LIC-001");
        assertThat(a.verdict().id()).isEqualTo("LicenseRef-llama3.1");
        assertThat(a.verdict().source()).startsWith("not declared");
    }

    @Test
    void anUnknownDeclarationIsReportedNotGuessed() {
        LicenseAssessment a = assessor.assess(List.of(new DeclaredLicense("other: acme-eula", "README.md#/license", null)),
                List.of(), null);
        assertThat(a.issues()).extracting(i -> i.rule().id()).containsExactly("MG-LIC-004");
        assertThat(a.verdict().commercialUse()).isEqualTo("unknown");
    }
}
