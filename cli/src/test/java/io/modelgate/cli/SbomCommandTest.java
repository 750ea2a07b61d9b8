package io.modelgate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SbomCommandTest {

    private static final Path QWEN = Path.of("..", "fixtures", "provenance", "control-qwen2.5-7b-instruct",
            "Qwen2.5-7B-Instruct");

    @TempDir
    Path dir;

    @Test
    void writesABomAndDiffsItByPolicy() throws IOException {
        Path model = copy(QWEN, dir.resolve("Qwen2.5-7B-Instruct"));
        Path before = dir.resolve("before.json");
        assertThat(CliRun.of("sbom", model.toString(), "-o", before.toString()).exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(before)).contains("\"machine-learning-model\"", "modelgate:countryOfOrigin");

        CliRun same = CliRun.of("sbom", "diff", before.toString(), before.toString());
        assertThat(same.exitCode()).isZero();
        assertThat(same.out()).contains("No drift");

        // the card now says MIT and the license text is gone: license drift, and file drift
        Path card = model.resolve("README.md");
        Files.writeString(card, Files.readString(card).replace("license: \"apache-2.0\"", "license: \"mit\""));
        Files.delete(model.resolve("LICENSE"));
        Path after = dir.resolve("after.json");
        CliRun rescanned = CliRun.of("sbom", model.toString(), "-o", after.toString());
        assertThat(rescanned.exitCode()).as(rescanned.err()).isIn(ExitCodes.OK, ExitCodes.REVIEW);
        CliRun drift = CliRun.of("sbom", "diff", "--format", "json", before.toString(), after.toString());
        assertThat(drift.exitCode()).isEqualTo(1);
        assertThat(drift.out()).contains("\"kind\" : \"license\"", "\"kind\" : \"file-removed\"");

        Path licenseRules = Files.writeString(dir.resolve("policy.yaml"), "version: 1\nlicenses: {deny: [GPL-3.0-only]}\n");
        Path noRules = Files.writeString(dir.resolve("empty.yaml"), "version: 1\n");
        assertThat(CliRun.of("sbom", "diff", "--only", "license,identity", "--policy", noRules.toString(),
                before.toString(), after.toString()).exitCode()).as("file drift always matters").isEqualTo(1);
        assertThat(CliRun.of("sbom", "diff", "--only", "identity", before.toString(), after.toString()).exitCode())
                .isZero();
        assertThat(CliRun.of("sbom", "diff", "--only", "identity", "--policy", licenseRules.toString(),
                before.toString(), after.toString()).exitCode()).isEqualTo(1);
        assertThat(CliRun.of("sbom", "diff", before.toString(), dir.resolve("missing.json").toString()).exitCode())
                .isEqualTo(2);
        assertThat(CliRun.of("sbom", "diff", "--only", "colour", before.toString(), after.toString()).exitCode())
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void spdxAndXmlFormatsAndUsageErrors() throws IOException {
        Path spdx = dir.resolve("bom.spdx.json");
        assertThat(CliRun.of("sbom", "--format", "spdx", QWEN.toString(), "-o", spdx.toString()).exitCode())
                .isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(spdx)).contains("ai_AIPackage");
        CliRun xml = CliRun.of("sbom", "--format", "cyclonedx-xml", QWEN.toString());
        assertThat(xml.out()).startsWith("<?xml");
        assertThat(CliRun.of("sbom").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.of("sbom", "--format", "pdf", QWEN.toString()).exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
        return to;
    }
}
