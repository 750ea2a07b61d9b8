package io.modelgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ScanCommandTest {

    @TempDir
    Path dir;

    @Test
    void nonModelFilesAreSkippedWithTheirDigestAndPass() throws IOException {
        byte[] unknownBinary = new byte[16];
        java.util.Arrays.fill(unknownBinary, (byte) 0xfe);
        Files.write(dir.resolve("notes.bin"), unknownBinary);
        CliRun run = CliRun.of("scan", "--format", "json", dir.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.path("schemaVersion").asText()).isEqualTo("1.2");
        assertThat(report.path("tool").path("name").asText()).isEqualTo("modelgate");
        JsonNode file = report.path("files").get(0);
        assertThat(file.path("path").asText()).endsWith("notes.bin");
        assertThat(file.path("status").asText()).isEqualTo("skipped");
        assertThat(file.path("sha256").asText()).hasSize(64);
        assertThat(file.path("size").asLong()).isEqualTo(16);
        assertThat(report.path("summary").path("bySeverity").has("critical")).isTrue();
    }

    @Test
    void linkOutOfTheFolderIsAHighFindingAndFailsTheGate() throws IOException {
        CliRun run = CliRun.of("scan", modelLinkingOutside().toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).contains("MG-GEN-004").contains("Gate: FAIL");
    }

    @Test
    void raisingTheThresholdLetsTheSameScanPass() throws IOException {
        Path model = modelLinkingOutside();
        assertThat(CliRun.of("scan", "--fail-on", "critical", model.toString()).exitCode()).isEqualTo(ExitCodes.OK);
    }

    /** A model folder whose weights file is a link to a file beside the folder, outside what is scanned. */
    private Path modelLinkingOutside() throws IOException {
        Path outside = Files.createFile(dir.resolve("secret.txt"));
        Path model = Files.createDirectory(dir.resolve("model"));
        Files.createSymbolicLink(model.resolve("weights.bin"), outside);
        return model;
    }

    @Test
    void missingPathIsAUsageError() {
        CliRun run = CliRun.of("scan", dir.resolve("nope").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("no such file or folder").doesNotContain("Exception");
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        assertThat(CliRun.of("scan", "--fail-on", "severe", dir.toString()).exitCode())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.of("scan", "--timeout", "soon", dir.toString()).exitCode())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.of("scan").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void reportCanBeWrittenToAFile() throws IOException {
        Files.writeString(dir.resolve("a.txt"), "x");
        Path out = dir.resolve("reports/report.json");
        CliRun run = CliRun.of("scan", "--format", "json", "--output", out.toString(), dir.resolve("a.txt").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(new ObjectMapper().readTree(out.toFile()).path("files").size()).isEqualTo(1);
        assertThat(run.err()).contains("Gate: PASS");
    }

    @Test
    void gitFoldersAreNotScanned() throws IOException {
        Files.createDirectories(dir.resolve(".git/objects"));
        Files.writeString(dir.resolve(".git/objects/blob"), "x");
        Files.writeString(dir.resolve("config.txt"), "y");
        CliRun run = CliRun.of("scan", dir.toString());
        assertThat(run.out()).contains("config.txt").doesNotContain(".git");
    }

    @Test
    void helpDescribesExitCodes() {
        CliRun run = CliRun.of("scan", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--fail-on").contains("--strict").contains("--allow-incomplete")
                .contains("Exit codes");
    }
}
