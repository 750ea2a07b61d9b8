package io.modelgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The reports show a model found inside an archive like one on disk, naming its container. */
class ArchivedModelReportTest {

    private static final Path MODEL = Path.of("..", "fixtures", "provenance", "control-qwen3-8b", "Qwen3-8B");

    @TempDir
    Path dir;

    private Path zipped() throws IOException {
        Path zip = dir.resolve("bundle.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip));
             Stream<Path> files = Files.list(MODEL)) {
            for (Path file : files.sorted().toList()) {
                out.putNextEntry(new ZipEntry("Qwen3-8B/" + file.getFileName()));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return zip;
    }

    @Test
    void jsonNamesTheContainerAndKeepsTheIdentity() throws IOException {
        CliRun run = CliRun.of("scan", "--format", "json", zipped().toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        JsonNode report = new ObjectMapper().readTree(run.out());
        JsonNode unit = report.path("models").get(0);
        assertThat(unit.path("path").asText()).endsWith("bundle.zip!Qwen3-8B");
        assertThat(unit.path("container").path("type").asText()).isEqualTo("zip");
        assertThat(unit.path("family").asText()).isEqualTo("qwen");
        assertThat(unit.path("country").asText()).isEqualTo("CN");
        assertThat(unit.path("digest").isNull()).isTrue();
        assertThat(unit.path("files").get(0).asText()).endsWith("bundle.zip");
        assertThat(report.path("summary").path("models").asInt()).isEqualTo(1);
        assertThat(report.path("findings").isArray()).isTrue();
        assertThat(report.path("incompleteReasons").isArray()).isTrue();
        assertThat(report.path("files").get(0).path("facts").fieldNames()).toIterable()
                .as("typed facts stay internal").noneMatch(k -> k.endsWith("#metadata") || k.endsWith("#artifact"));
    }

    @Test
    void textShowsTheIdentityCardWithTheContainer() throws IOException {
        CliRun run = CliRun.of("scan", zipped().toString());

        assertThat(run.out()).contains("bundle.zip!Qwen3-8B  (hf-folder)").contains("Inside")
                .contains("qwen / qwen3").contains("Alibaba Cloud");
    }
}
