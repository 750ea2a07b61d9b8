package io.modelgate.sbom.diff;

import io.modelgate.sbom.SbomScans;
import io.modelgate.sbom.cyclonedx.CycloneDxBomBuilder;
import org.cyclonedx.model.Bom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class BomDiffTest {

    private static final Path SOURCE = SbomScans.FIXTURES.resolve("provenance/control-qwen2.5-7b-instruct/Qwen2.5-7B-Instruct");

    @TempDir
    Path tmp;
    private Path model;

    @BeforeEach
    void copyModel() throws IOException {
        model = tmp.resolve("Qwen2.5-7B-Instruct");
        Files.createDirectories(model);
        try (Stream<Path> files = Files.list(SOURCE)) {
            for (Path file : files.toList()) {
                Files.copy(file, model.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    void reScanOfTheSameModelHasNoDrift() throws IOException {
        assertThat(BomDiff.compare(bom(), bom())).isEmpty();
    }

    @Test
    void aModelCopiedElsewhereHasNoDrift() throws IOException {
        Bom here = bom();
        Path elsewhere = tmp.resolve("mirror/Qwen2.5-7B-Instruct");
        Files.createDirectories(elsewhere);
        try (Stream<Path> files = Files.list(model)) {
            for (Path file : files.toList()) {
                Files.copy(file, elsewhere.resolve(file.getFileName()));
            }
        }
        model = elsewhere;
        assertThat(BomDiff.compare(here, bom())).isEmpty();
    }

    @Test
    void changedAddedAndRemovedFilesAreDrift() throws IOException {
        Bom before = bom();
        Files.writeString(model.resolve("generation_config.json"), "{\"temperature\": 0.1}");
        Files.writeString(model.resolve("notes.txt"), "extra");
        Files.delete(model.resolve("README.md"));
        List<Drift> drifts = BomDiff.compare(before, bom());
        assertThat(drifts).extracting(Drift::kind, Drift::subject).contains(
                org.assertj.core.groups.Tuple.tuple(DriftKind.FILE_CHANGED, "generation_config.json"),
                org.assertj.core.groups.Tuple.tuple(DriftKind.FILE_ADDED, "notes.txt"),
                org.assertj.core.groups.Tuple.tuple(DriftKind.FILE_REMOVED, "README.md"));
        assertThat(DriftReport.relevant(drifts, Set.of("signature"))).isEmpty();
        assertThat(DriftReport.text(drifts)).contains("file-changed");
        assertThat(DriftReport.json(drifts)).contains("\"drift\" : true");
    }

    @Test
    void licenseRemovedAndMaliciousFileAddedAreDrift() throws IOException {
        Bom before = bom();
        Files.delete(model.resolve("LICENSE"));
        Files.copy(SbomScans.FIXTURES.resolve("torch/evil_reduce.pt"), model.resolve("extra.pt"));
        List<Drift> drifts = BomDiff.compare(before, bom());
        assertThat(drifts).extracting(Drift::kind).contains(DriftKind.FILE_REMOVED, DriftKind.FILE_ADDED,
                DriftKind.FINDING_NEW);
        assertThat(drifts).anySatisfy(d -> {
            assertThat(d.kind()).isEqualTo(DriftKind.FINDING_NEW);
            assertThat(d.subject()).startsWith("MG-PKL-001");
        });
    }

    private Bom bom() throws IOException {
        return new CycloneDxBomBuilder(Clock.systemUTC()).build(SbomScans.assess(model), null);
    }
}
