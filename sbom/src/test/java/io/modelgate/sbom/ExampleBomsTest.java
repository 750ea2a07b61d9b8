package io.modelgate.sbom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.cyclonedx.parsers.XmlParser;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The example BOMs under docs/examples (written by `modelgate sbom`) are valid, so the docs show real output. */
class ExampleBomsTest {

    private static final Path EXAMPLES = Path.of("..", "docs", "examples");

    @Test
    void cycloneDxExamplesValidateAndReadBack() throws Exception {
        byte[] json = Files.readAllBytes(EXAMPLES.resolve("bom.cdx.json"));
        byte[] xml = Files.readAllBytes(EXAMPLES.resolve("bom.cdx.xml"));
        assertThat(new JsonParser().validate(json, Version.VERSION_16)).isEmpty();
        assertThat(new XmlParser().validate(xml, Version.VERSION_16)).isEmpty();
        assertThat(new JsonParser().parse(json).getComponents()).isNotEmpty();
        assertThat(new XmlParser().parse(xml).getComponents()).isNotEmpty();
    }

    @Test
    void spdxExampleValidates() throws Exception {
        try (InputStream schema = getClass().getResourceAsStream("/spdx/spdx-json-schema-3.0.1.json")) {
            assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema)
                    .validate(new ObjectMapper().readTree(EXAMPLES.resolve("bom.spdx.json").toFile()))).isEmpty();
        }
    }
}
