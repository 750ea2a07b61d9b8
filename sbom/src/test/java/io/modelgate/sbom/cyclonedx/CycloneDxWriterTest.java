package io.modelgate.sbom.cyclonedx;

import io.modelgate.sbom.SbomScans;
import org.cyclonedx.Version;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The streamed documents are, byte for byte, what the library's own generators return as strings. */
class CycloneDxWriterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"provenance/control-gemma-3-1b-it/gemma-3-1b-it",
            "provenance/lora-adapter-qwen/qwen2.5-7b-sql-lora", "torch/evil_reduce.pt", "gguf/qwen2-q4_k-q8_0.gguf",
            "jar"})
    void streamedDocumentsAreTheLibrarysStrings(String fixture) throws Exception {
        Path input = fixture.equals("jar") ? SbomScans.jarWithOnnx(tmp) : SbomScans.FIXTURES.resolve(fixture);
        Bom bom = new CycloneDxBomBuilder(CLOCK).build(SbomScans.assess(input), null);

        String json = BomGeneratorFactory.createJson(Version.VERSION_16, bom).toJsonString();
        String xml = BomGeneratorFactory.createXml(Version.VERSION_16, bom).toXmlString();

        assertThat(streamed(bom, CycloneDxWriter.Encoding.JSON)).isEqualTo(json);
        assertThat(streamed(bom, CycloneDxWriter.Encoding.XML)).isEqualTo(xml);
        assertThat(CycloneDxWriter.write(bom, CycloneDxWriter.Encoding.JSON)).isEqualTo(json);
    }

    private static String streamed(Bom bom, CycloneDxWriter.Encoding encoding) throws Exception {
        StringWriter out = new StringWriter();
        CycloneDxWriter.write(bom, encoding, out);
        return out.toString();
    }
}
