package io.modelgate.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelgate.provenance.kb.KnowledgeBaseLoader;
import io.modelgate.scanner.model.Finding;
import io.modelgate.verification.VerificationChecks;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * Every case of fixtures/provenance, written as real files, through the real scanner and the assessment
 * builder: family, generation, publisher, country, base chain, license, commercial use, and exactly the
 * expected provenance and license findings on the unit (none for the genuine controls).
 */
class ProvenanceFixturesTest {

    @TempDir
    Path tmp;

    static List<FixtureCase> cases() throws IOException {
        List<FixtureCase> cases = FixtureCase.all();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void comesOutWithTheRightFactsAndFindings(FixtureCase c) throws IOException {
        Path unit = c.materialise(tmp);
        ScanAssessment scan = new AssessmentBuilder(KnowledgeBaseLoader.builtIn())
                .build(VerificationChecks.defaultScanner().scan(List.of(unit)));

        assertThat(scan.models()).hasSize(1);
        ModelAssessment model = scan.models().get(0);
        Identity id = model.identity();
        JsonNode expect = c.expect();
        assertSoftly(soft -> {
            soft.assertThat(id.family()).as("family").isEqualTo(expect.path("family").asText());
            soft.assertThat(id.generation()).as("generation").isEqualTo(expect.path("generation").asText(null));
            soft.assertThat(id.publisher()).as("publisher").isEqualTo(expect.path("publisher").asText());
            soft.assertThat(id.country()).as("country").isEqualTo(expect.path("country").asText());
            soft.assertThat(bases(model)).as("baseModels").isEqualTo(bases(expect.path("baseModels")));
            soft.assertThat(model.license().id()).as("license").isEqualTo(expect.path("license").asText());
            if (expect.has("commercialUse")) {
                soft.assertThat(model.license().commercialUse()).as("commercialUse")
                        .isEqualTo(expect.path("commercialUse").asText());
            }
            if (expect.has("architectureFamily")) {
                soft.assertThat(id.architectureFamily()).as("architectureFamily")
                        .isEqualTo(expect.path("architectureFamily").asText());
                soft.assertThat(id.tokenizerFamily()).as("tokenizerFamily")
                        .isEqualTo(expect.path("tokenizerFamily").asText());
            }
            // The cases are about provenance and license; folder checks (custom code the configs name) stay apart.
            soft.assertThat(ruleIds(model.findings().stream().filter(f -> f.ruleId().startsWith("MG-PROV-")
                    || f.ruleId().startsWith("MG-LIC-")).toList())).as("findings")
                    .isEqualTo(strings(expect.path("findings")));
            soft.assertThat(id.evidence()).as("evidence").isNotEmpty();
            soft.assertThat(id.confidence()).as("confidence").isBetween(0.5, 1.0);
        });
    }

    private static List<String> bases(JsonNode expected) {
        List<String> out = new ArrayList<>();
        expected.forEach(b -> out.add(b.path("name").asText() + "|" + b.path("family").asText() + "|"
                + b.path("relation").asText()));
        return out;
    }

    private static List<String> bases(ModelAssessment model) {
        return model.identity().baseModels().stream().map(b -> b.name() + "|" + b.family() + "|" + b.relation())
                .toList();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> ruleIds(List<Finding> findings) {
        return new ArrayList<>(new TreeSet<>(findings.stream().map(Finding::ruleId).toList()));
    }
}
