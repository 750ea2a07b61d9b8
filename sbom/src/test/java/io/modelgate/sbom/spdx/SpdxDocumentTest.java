package io.modelgate.sbom.spdx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.modelgate.sbom.SbomScans;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.modelgate.assessment.ScanAssessment;

import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

class SpdxDocumentTest {

    private static JsonSchema schema;

    @TempDir
    Path tmp;

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = SpdxDocumentTest.class.getResourceAsStream("/spdx/spdx-json-schema-3.0.1.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    @Test
    void huggingFaceFolderIsAnAiPackageWithLicenseFilesAndBase() throws Exception {
        JsonNode doc = valid(SbomScans.FIXTURES.resolve("provenance/lora-adapter-qwen/qwen2.5-7b-sql-lora"));
        JsonNode model = ofType(doc, "ai_AIPackage").get(0);
        assertThat(model.get("software_primaryPurpose").asText()).isEqualTo("model");
        assertThat(relationshipTypes(doc)).contains("contains", "hasDeclaredLicense", "descendantOf");
        assertThat(ofType(doc, "simplelicensing_LicenseExpression"))
                .anySatisfy(l -> assertThat(l.get("simplelicensing_licenseExpression").asText())
                        .isEqualTo("Apache-2.0"));
        assertThat(ofType(doc, "Annotation")).anySatisfy(a -> assertThat(a.get("statement").asText())
                .contains("modelgate:countryOfOrigin=CN"));
    }

    @Test
    void ggufMaliciousPickleAndBundledModelAreValidDocuments() throws Exception {
        valid(SbomScans.FIXTURES.resolve("gguf/qwen2-q4_k-q8_0.gguf"));
        valid(SbomScans.FIXTURES.resolve("torch/evil_reduce.pt"));
        JsonNode bundled = valid(SbomScans.jarWithOnnx(tmp));
        assertThat(ofType(bundled, "software_Package")).isNotEmpty();
    }

    @Test
    void theCardsUseAndLimitsAreTheApplicationAndLimitation() throws Exception {
        JsonNode model = ofType(valid(SbomScans.classifierWithCard(tmp)), "ai_AIPackage").get(0);
        assertThat(model.get("ai_informationAboutApplication").asText())
                .isEqualTo("Sentiment of English product reviews.");
        assertThat(model.get("ai_limitation").asText()).isEqualTo("Short texts only. Out-of-scope use: Decisions "
                + "about people. Risks: Reviews carry the biases of their writers.");
    }

    @Test
    void customLicenseNamesBecomeLicenseRefs() {
        assertThat(SpdxDocumentBuilder.expression("Apache-2.0 OR MIT")).isEqualTo("Apache-2.0 OR MIT");
        assertThat(SpdxDocumentBuilder.expression("LicenseRef-llama3")).isEqualTo("LicenseRef-llama3");
        assertThat(SpdxDocumentBuilder.expression("Llama 3 Community License"))
                .isEqualTo("LicenseRef-Llama-3-Community-License");
    }

    /**
     * Models written as they are described give the document holding every element to the end gives: shared
     * elements (a publisher, a license, a base, a package of two models) are the same each time they are asked.
     */
    @Test
    void writingEachModelEarlyChangesNothing() throws Exception {
        Path adapter = SbomScans.FIXTURES.resolve("provenance/lora-adapter-qwen/qwen2.5-7b-sql-lora");
        for (String copy : List.of("a", "b")) {
            Path folder = Files.createDirectories(tmp.resolve(copy));
            try (var files = Files.list(adapter)) {
                for (Path file : files.toList()) {
                    Files.copy(file, folder.resolve(file.getFileName()));
                }
            }
        }
        Path jar = tmp.resolve("two-models-1.0.jar");
        byte[] onnx = Files.readAllBytes(SbomScans.FIXTURES.resolve("onnx/benign/mlp_opset17.onnx"));
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (String name : List.of("models/a.onnx", "models/b.onnx")) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(onnx);
                zip.closeEntry();
            }
        }
        ScanAssessment scan = SbomScans.assess(tmp.resolve("a"), tmp.resolve("b"), jar,
                SbomScans.FIXTURES.resolve("provenance/control-gemma-3-1b-it/gemma-3-1b-it"));
        assertThat(scan.models()).hasSizeGreaterThanOrEqualTo(5);
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

        String early = written(new SpdxDocumentBuilder(clock), scan, true);
        String atEnd = written(new SpdxDocumentBuilder(clock), scan, false);

        assertThat(early).isEqualTo(atEnd);
        JsonNode doc = new ObjectMapper().readTree(early);
        assertThat(schema.validate(doc)).isEmpty();
        assertThat(ofType(doc, "software_Package")).hasSize(1);
        assertThat(ofType(doc, "ai_AIPackage").stream().filter(n -> n.path("name").asText()
                .equals("Qwen/Qwen2.5-7B-Instruct"))).hasSize(1);
        assertThat(doc.get("@graph").get(doc.get("@graph").size() - 1).get("element"))
                .hasSize(doc.get("@graph").size() - 2);
    }

    private static String written(SpdxDocumentBuilder builder, ScanAssessment scan, boolean eachModel)
            throws Exception {
        StringWriter out = new StringWriter();
        builder.write(scan, null, out, eachModel);
        return out.toString().replaceAll("urn:uuid:[0-9a-f-]+", "urn:uuid:x");
    }

    private JsonNode valid(Path path) throws Exception {
        String json = new SpdxDocumentBuilder(Clock.systemUTC()).build(SbomScans.assess(path), null);
        JsonNode doc = new ObjectMapper().readTree(json);
        Set<ValidationMessage> errors = schema.validate(doc);
        assertThat(errors).isEmpty();
        return doc;
    }

    private static List<JsonNode> ofType(JsonNode doc, String type) {
        return StreamSupport.stream(doc.get("@graph").spliterator(), false)
                .filter(n -> type.equals(n.path("type").asText())).toList();
    }

    private static List<String> relationshipTypes(JsonNode doc) {
        return ofType(doc, "Relationship").stream().map(r -> r.get("relationshipType").asText()).toList();
    }
}
