package io.modelgate.provenance.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelgate.provenance.kb.KnowledgeBaseLoader;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.ScanReport;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every case of fixtures/provenance and measures how many facts come out right: family, generation,
 * publisher, country, base chain, license, commercial use, and exactly the expected findings (none for the
 * genuine controls). Prints the accuracy per fact; every fact must be right.
 */
class ProvenanceFixturesTest {

    @Test
    void everyFixtureComesOutWithTheRightFactsAndFindings() throws IOException {
        List<FixtureCase> cases = FixtureCase.all();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(25);
        Map<String, int[]> score = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        StringBuilder confidences = new StringBuilder("Confidence per case:\n");
        for (FixtureCase c : cases) {
            ProvenanceResult result = ProvenanceAnalysis.analyze(c.report(), KnowledgeBaseLoader.builtIn());
            assertThat(result.models()).as(c.name()).hasSize(1);
            ModelProvenance model = result.models().get(0);
            confidences.append(String.format("  %-40s %-10s %.2f%n", c.name(), model.family(), model.confidence()));
            JsonNode expect = c.expect();
            check(score, wrong, c, "family", expect.path("family").asText(), model.family());
            check(score, wrong, c, "generation", expect.path("generation").asText(null), model.generation());
            check(score, wrong, c, "publisher", expect.path("publisher").asText(), model.publisher());
            check(score, wrong, c, "country", expect.path("country").asText(), model.country());
            check(score, wrong, c, "baseModels", bases(expect.path("baseModels")), bases(model));
            check(score, wrong, c, "license", expect.path("license").asText(),
                    model.license() == null ? null : model.license().id());
            if (expect.has("commercialUse")) {
                check(score, wrong, c, "commercialUse", expect.path("commercialUse").asText(),
                        model.license().commercialUse());
            }
            if (expect.has("architectureFamily")) {
                check(score, wrong, c, "architectureFamily", expect.path("architectureFamily").asText(),
                        model.architectureFamily());
                check(score, wrong, c, "tokenizerFamily", expect.path("tokenizerFamily").asText(),
                        model.tokenizerFamily());
            }
            check(score, wrong, c, "findings", strings(expect.path("findings")), findings(result.report()));
            assertThat(model.evidence()).as(c.name() + " evidence").isNotEmpty();
            assertThat(model.confidence()).as(c.name() + " confidence").isBetween(0.5, 1.0);
        }
        StringBuilder table = new StringBuilder("Provenance fixture accuracy over " + cases.size() + " cases:\n");
        score.forEach((field, s) -> table.append(String.format("  %-18s %d/%d%n", field, s[0], s[1])));
        System.out.print(table);
        System.out.print(confidences);
        assertThat(wrong).as(table.toString()).isEmpty();
    }

    private static void check(Map<String, int[]> score, List<String> wrong, FixtureCase c, String field,
                              Object expected, Object actual) {
        int[] s = score.computeIfAbsent(field, k -> new int[2]);
        s[1]++;
        if (Objects.equals(expected, actual)) {
            s[0]++;
        } else {
            wrong.add(c.name() + ": " + field + " expected <" + expected + "> but was <" + actual + ">");
        }
    }

    private static List<String> bases(JsonNode expected) {
        List<String> out = new ArrayList<>();
        expected.forEach(b -> out.add(b.path("name").asText() + "|" + b.path("family").asText() + "|"
                + b.path("relation").asText()));
        return out;
    }

    private static List<String> bases(ModelProvenance model) {
        return model.baseModels().stream().map(b -> b.name() + "|" + b.family() + "|" + b.relation()).toList();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> findings(ScanReport report) {
        TreeSet<String> ids = new TreeSet<>();
        for (Finding f : report.allFindings()) {
            ids.add(f.ruleId());
        }
        return new ArrayList<>(ids);
    }
}
