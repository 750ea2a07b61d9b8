package io.modelgate.sbom.cyclonedx;

import io.modelgate.assessment.ScanAssessment;
import io.modelgate.sbom.SbomScans;
import org.cyclonedx.Version;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.vulnerability.Vulnerability;
import org.cyclonedx.parsers.JsonParser;
import org.cyclonedx.parsers.XmlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CycloneDxBomTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    @Test
    void safeHuggingFaceFolderCarriesIdentityLicenseAndPedigree() throws Exception {
        Path folder = SbomScans.FIXTURES.resolve("provenance/control-gemma-3-1b-it/gemma-3-1b-it");
        Bom bom = roundTrip(SbomScans.assess(folder));
        Component model = models(bom).get(0);
        assertThat(model.getType()).isEqualTo(Component.Type.MACHINE_LEARNING_MODEL);
        assertThat(property(model, "modelgate:family")).contains("gemma");
        assertThat(property(model, "modelgate:countryOfOrigin")).contains("US");
        assertThat(model.getPublisher()).isEqualTo("Google");
        assertThat(model.getLicenses().getLicenses().get(0).getName()).isNotBlank();
        assertThat(model.getPedigree().getAncestors().getComponents())
                .extracting(Component::getName).containsExactly("google/gemma-3-1b-pt");
        assertThat(model.getHashes()).singleElement().satisfies(h -> assertThat(h.getValue()).hasSize(64));
        assertThat(model.getComponents()).extracting(Component::getType).containsOnly(Component.Type.FILE);
        assertThat(model.getModelCard().getModelParameters().getTask()).isEqualTo("text-generation");
        assertThat(bom.getVulnerabilities()).isNullOrEmpty();
    }

    @Test
    void theCardsTaskGivesInputsAndOutputsAndItsSectionsTheConsiderations() throws Exception {
        Bom bom = roundTrip(SbomScans.assess(SbomScans.classifierWithCard(tmp)));
        var card = models(bom).get(0).getModelCard();
        assertThat(card.getModelParameters().getTask()).isEqualTo("text-classification");
        assertThat(card.getModelParameters().getInputs()).extracting(p -> p.getFormat()).containsExactly("string");
        assertThat(card.getModelParameters().getOutputs()).extracting(p -> p.getFormat()).containsExactly("label");
        assertThat(card.getConsiderations().getUseCases()).containsExactly("Sentiment of English product reviews.");
        assertThat(card.getConsiderations().getTechnicalLimitations())
                .containsExactly("Short texts only. Out-of-scope use: Decisions about people.");
        assertThat(card.getConsiderations().getEthicalConsiderations()).singleElement()
                .satisfies(r -> assertThat(r.getName()).isEqualTo("Reviews carry the biases of their writers."));
    }

    @Test
    void ggufFileIsAModelWithItsDigest() throws Exception {
        Bom bom = roundTrip(SbomScans.assess(SbomScans.FIXTURES.resolve("gguf/qwen2-q4_k-q8_0.gguf")));
        Component model = models(bom).get(0);
        assertThat(property(model, "modelgate:unitKind")).contains("gguf");
        assertThat(model.getComponents()).singleElement()
                .satisfies(file -> assertThat(file.getHashes()).isNotEmpty());
    }

    @Test
    void maliciousPickleIsACriticalVulnerabilityOfItsFile() throws Exception {
        Bom bom = roundTrip(SbomScans.assess(SbomScans.FIXTURES.resolve("torch/evil_reduce.pt")));
        assertThat(bom.getVulnerabilities()).anySatisfy(v -> {
            assertThat(v.getId()).isEqualTo("MG-PKL-001");
            assertThat(v.getRatings().get(0).getSeverity()).isEqualTo(Vulnerability.Rating.Severity.CRITICAL);
            assertThat(v.getAffects()).singleElement()
                    .satisfies(a -> assertThat(a.getRef()).endsWith("evil_reduce.pt"));
        });
    }

    @Test
    void adapterNamesItsBaseWithTheRelation() throws Exception {
        Bom bom = roundTrip(SbomScans.assess(
                SbomScans.FIXTURES.resolve("provenance/lora-adapter-qwen/qwen2.5-7b-sql-lora")));
        Component model = models(bom).get(0);
        Component base = model.getPedigree().getAncestors().getComponents().get(0);
        assertThat(base.getName()).isEqualTo("Qwen/Qwen2.5-7B-Instruct");
        assertThat(property(base, "modelgate:baseRelation")).contains("adapter");
        assertThat(property(model, "modelgate:countryOfOrigin")).contains("CN");
        assertThat(bom.getDependencies()).anySatisfy(d -> assertThat(d.getDependencies())
                .anySatisfy(child -> assertThat(child.getRef()).isEqualTo("base:Qwen/Qwen2.5-7B-Instruct")));
    }

    @Test
    void modelBundledInAJarSitsUnderThePackage() throws Exception {
        Bom bom = roundTrip(SbomScans.assess(SbomScans.jarWithOnnx(tmp)));
        assertThat(bom.getComponents()).anySatisfy(pkg -> {
            assertThat(pkg.getComponents()).extracting(Component::getType)
                    .contains(Component.Type.MACHINE_LEARNING_MODEL);
        });
    }

    @Test
    void sameScanGivesTheSameBomApartFromSerialNumber() throws Exception {
        Path folder = SbomScans.FIXTURES.resolve("provenance/lora-adapter-qwen/qwen2.5-7b-sql-lora");
        String first = withoutSerial(json(SbomScans.assess(folder)));
        String second = withoutSerial(json(SbomScans.assess(folder)));
        assertThat(first).isEqualTo(second);
    }

    private static String json(ScanAssessment scan) {
        return CycloneDxWriter.write(new CycloneDxBomBuilder(CLOCK).build(scan, null), CycloneDxWriter.Encoding.JSON);
    }

    private static String withoutSerial(String json) {
        return json.replaceAll("\"serialNumber\"\\s*:\\s*\"[^\"]+\"", "");
    }

    /** Writes JSON and XML, validates both against the CycloneDX 1.6 schema and reads the JSON back. */
    private static Bom roundTrip(ScanAssessment scan) throws Exception {
        Bom bom = new CycloneDxBomBuilder(CLOCK).build(scan, null);
        byte[] json = CycloneDxWriter.write(bom, CycloneDxWriter.Encoding.JSON).getBytes(StandardCharsets.UTF_8);
        byte[] xml = CycloneDxWriter.write(bom, CycloneDxWriter.Encoding.XML).getBytes(StandardCharsets.UTF_8);
        assertThat(new JsonParser().validate(json, Version.VERSION_16)).isEmpty();
        assertThat(new XmlParser().validate(xml, Version.VERSION_16)).isEmpty();
        assertThat(new XmlParser().parse(xml).getComponents()).hasSameSizeAs(bom.getComponents());
        return new JsonParser().parse(json);
    }

    /** Model components, also those nested under packages. */
    private static List<Component> models(Bom bom) {
        List<Component> models = new ArrayList<>();
        List<Component> pending = new ArrayList<>(bom.getComponents());
        while (!pending.isEmpty()) {
            Component next = pending.remove(0);
            if (next.getType() == Component.Type.MACHINE_LEARNING_MODEL) {
                models.add(next);
            }
            if (next.getComponents() != null) {
                pending.addAll(next.getComponents());
            }
        }
        assertThat(models).isNotEmpty();
        return models;
    }

    private static Optional<String> property(Component component, String name) {
        return component.getProperties() == null ? Optional.empty() : component.getProperties().stream()
                .filter(p -> p.getName().equals(name)).map(Property::getValue).findFirst();
    }
}
