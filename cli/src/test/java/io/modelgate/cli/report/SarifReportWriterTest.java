package io.modelgate.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SarifReportWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonNode sarif(SampleScan sample) throws Exception {
        return JSON.readTree(new SarifReportWriter().render(sample.scan, sample.decision));
    }

    @Test
    void isValidAgainstTheSarif210Schema() throws Exception {
        SampleScan sample = SampleScan.in(dir);
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(SharedSchemas.find("sarif-schema-2.1.0.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        JsonNode report = sarif(sample);
        java.util.Set<ValidationMessage> errors = schema.validate(report);
        assertThat(errors).isEmpty();
        assertThat(report.at("/runs/0/results")).hasSizeGreaterThanOrEqualTo(2);
        // The schema must catch a broken report, or the check above proves nothing.
        ((com.fasterxml.jackson.databind.node.ObjectNode) report.at("/runs/0/results/0")).put("level", "fatal");
        assertThat(schema.validate(report)).isNotEmpty();
    }

    @Test
    void rulesCarryHelpAndASecuritySeverityGitHubUnderstands() throws Exception {
        JsonNode run = sarif(SampleScan.in(dir)).at("/runs/0");
        JsonNode rules = run.at("/tool/driver/rules");
        assertThat(rules).isNotEmpty();
        for (JsonNode rule : rules) {
            assertThat(rule.at("/help/text").asText()).isNotBlank();
            assertThat(rule.at("/shortDescription/text").asText()).isNotBlank();
            double severity = Double.parseDouble(rule.at("/properties/security-severity").asText());
            assertThat(severity).isBetween(0.0, 10.0);
        }
        for (JsonNode result : run.at("/results")) {
            JsonNode rule = rules.get(result.get("ruleIndex").asInt());
            assertThat(rule.get("id").asText()).isEqualTo(result.get("ruleId").asText());
        }
        JsonNode critical = findRule(rules, "MG-PKL-001");
        assertThat(Double.parseDouble(critical.at("/properties/security-severity").asText())).isGreaterThanOrEqualTo(9.0);
        assertThat(critical.at("/defaultConfiguration/level").asText()).isEqualTo("error");
    }

    @Test
    void mostSeriousResultsComeFirst() throws Exception {
        JsonNode results = sarif(SampleScan.in(dir)).at("/runs/0/results");
        List<String> levels = new ArrayList<>();
        results.forEach(r -> levels.add(r.at("/properties/severity").asText()));
        List<String> order = List.of("critical", "high", "medium", "low", "info");
        assertThat(levels).isSortedAccordingTo((a, b) -> order.indexOf(a) - order.indexOf(b));
        assertThat(levels.get(0)).isEqualTo("critical");
    }

    @Test
    void aFindingInsideAnArchiveCanBeFollowedFromTheFileOnDiskToTheMember() throws Exception {
        SampleScan sample = SampleScan.in(dir);
        JsonNode run = sarif(sample).at("/runs/0");
        JsonNode artifacts = run.get("artifacts");
        int nested = 0;
        for (JsonNode result : run.get("results")) {
            JsonNode location = result.at("/locations/0");
            String fullPath = location.at("/logicalLocations/0/fullyQualifiedName").asText(null);
            if (fullPath == null) {
                continue;
            }
            nested++;
            // Walk from the member up its parents; the names joined with '!' give the path a reader sees.
            List<String> names = new ArrayList<>();
            JsonNode artifact = artifacts.get(location.at("/properties/memberArtifactIndex").asInt());
            while (true) {
                names.add(0, decode(artifact.at("/location/uri").asText()));
                if (!artifact.has("parentIndex")) {
                    break;
                }
                artifact = artifacts.get(artifact.get("parentIndex").asInt());
            }
            assertThat(String.join("!", names).replaceFirst("^file://", "")).isEqualTo(fullPath);
            JsonNode outer = artifacts.get(location.at("/physicalLocation/artifactLocation/index").asInt());
            assertThat(outer.at("/location/uri").asText())
                    .isEqualTo(location.at("/physicalLocation/artifactLocation/uri").asText());
            assertThat(outer.has("parentIndex")).isFalse();
            assertThat(location.at("/physicalLocation/region/startLine").asInt()).isEqualTo(1);
            assertThat(result.at("/message/text").asText()).contains(fullPath);
        }
        assertThat(nested).isGreaterThanOrEqualTo(2); // the checkpoint's data.pkl and nested.zip's pickle
        assertThat(run.get("results").toString()).contains("nested.zip!inner.tar.gz!inner.tar!evil.pkl");
    }

    @Test
    void fingerprintsAreTheSameOnAnotherScanOfTheSameFiles(@TempDir Path other) throws Exception {
        Set<String> first = fingerprints(sarif(SampleScan.in(dir)), dir);
        Set<String> second = fingerprints(sarif(SampleScan.in(other)), other);
        assertThat(first).hasSizeGreaterThanOrEqualTo(2);
        // Same files under another root: fingerprints depend on the reported path, so compare per relative path.
        assertThat(second).isEqualTo(first);
        Set<String> values = fingerprintValues(sarif(SampleScan.in(dir)));
        assertThat(values).hasSize(first.size()).isEqualTo(fingerprintValues(sarif(SampleScan.in(dir))));
    }

    @Test
    void theDecisionAndTheModelsAreInTheRunProperties() throws Exception {
        JsonNode props = sarif(SampleScan.in(dir)).at("/runs/0/properties/modelgate");
        assertThat(props.at("/decision/outcome").asText()).isEqualTo("REJECT");
        assertThat(props.at("/decision/reasons")).isNotEmpty();
        assertThat(props.at("/decision/waivers/0/rule").asText()).isEqualTo("MG-LIC-001");
        assertThat(props.at("/models/0/family").asText()).isEqualTo("llama");
        assertThat(props.at("/models/0/signature").asText()).isEqualTo("valid");
        assertThat(props.at("/models/0/lock").asText()).isEqualTo("match");
    }

    @Test
    void whatCouldNotBeAnalysedIsAToolNotification() throws Exception {
        JsonNode notes = sarif(SampleScan.in(dir)).at("/runs/0/invocations/0/toolExecutionNotifications");
        assertThat(notes).isNotEmpty();
        assertThat(notes.get(0).at("/message/text").asText()).contains("shard index lists a file");
    }

    private static JsonNode findRule(JsonNode rules, String id) {
        for (JsonNode rule : rules) {
            if (rule.get("id").asText().equals(id)) {
                return rule;
            }
        }
        throw new AssertionError("no rule " + id);
    }

    private static Set<String> fingerprints(JsonNode sarif, Path root) {
        Set<String> keys = new HashSet<>();
        for (JsonNode r : sarif.at("/runs/0/results")) {
            String path = r.at("/properties/artifactPath").asText().replace(root.toString(), "ROOT");
            keys.add(r.get("ruleId").asText() + " " + path + " " + r.at("/properties/offset").asLong(-1));
        }
        return keys;
    }

    private static Set<String> fingerprintValues(JsonNode sarif) {
        Set<String> values = new HashSet<>();
        sarif.at("/runs/0/results").forEach(r -> values.add(
                r.at("/partialFingerprints/" + SarifReportWriter.FINGERPRINT_KEY.replace("/", "~1")).asText()));
        return values;
    }

    private static String decode(String uri) {
        return URLDecoder.decode(uri.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
