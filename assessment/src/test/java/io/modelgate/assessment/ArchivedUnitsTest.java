package io.modelgate.assessment;

import io.modelgate.provenance.kb.KnowledgeBaseLoader;
import io.modelgate.verification.VerificationChecks;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A model inside a zip, inside a gzipped tarball and bundled in a jar is the same model as the plain folder or
 * file: every provenance case of fixtures/provenance, packed at test time, gets the identity and license of
 * the unpacked one, with the container named.
 */
class ArchivedUnitsTest {

    @TempDir
    Path tmp;

    static List<FixtureCase> cases() throws IOException {
        return FixtureCase.all();
    }

    /** What must not depend on packaging (evidence sources name the container, so they are left out). */
    private record Verdict(String kind, String name, String family, String generation, String publisher,
                           String country, String architectureFamily, String tokenizerFamily, List<String> bases,
                           double confidence, String license, String commercialUse, List<String> findings) {

        static Verdict of(ModelAssessment m) {
            Identity id = m.identity();
            return new Verdict(m.kind().id(), m.name(), id.family(), id.generation(), id.publisher(), id.country(),
                    id.architectureFamily(), id.tokenizerFamily(),
                    id.baseModels().stream().map(b -> b.name() + "|" + b.family() + "|" + b.relation()).toList(),
                    id.confidence(), m.license().id(), m.license().commercialUse(),
                    m.findings().stream().map(f -> f.ruleId()).filter(r -> r.startsWith("MG-PROV-")
                            || r.startsWith("MG-LIC-")).sorted().toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void zippedTarredAndJarredModelsKeepTheirIdentity(FixtureCase c) throws IOException {
        Path plain = c.materialise(Files.createDirectories(tmp.resolve("plain")));
        ModelAssessment reference = single(plain);
        Verdict expected = Verdict.of(reference);

        Path zip = tmp.resolve("bundle.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            add(out, plain, "");
        }
        assertPacked(zip, expected, "zip");

        Path jar = tmp.resolve("app.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new ZipEntry("com/example/App.class"));
            out.write(new byte[]{(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe, 0, 0, 0, 61});
            out.closeEntry();
            add(out, plain, "models/");
        }
        assertPacked(jar, expected, "jar");

        Path tarball = tmp.resolve("model.tar.gz");
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(new GZIPOutputStream(
                Files.newOutputStream(tarball)))) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Path file : files(plain)) {
                TarArchiveEntry entry = new TarArchiveEntry(file.toFile(), entryName(plain, file, ""));
                out.putArchiveEntry(entry);
                Files.copy(file, out);
                out.closeArchiveEntry();
            }
        }
        assertPacked(tarball, expected, "tar");
    }

    private void assertPacked(Path archive, Verdict expected, String containerType) throws IOException {
        ModelAssessment packed = single(archive);
        assertThat(Verdict.of(packed)).as(archive.getFileName().toString()).isEqualTo(expected);
        assertThat(packed.container()).isNotNull();
        assertThat(packed.container().type()).isEqualTo(containerType);
        assertThat(packed.path()).startsWith(archive.toString().replace('\\', '/') + "!");
        assertThat(packed.files()).extracting(f -> f.path()).containsExactly(archive.toString().replace('\\', '/'));
        assertThat(packed.identity().evidence()).isNotEmpty()
                .allSatisfy(e -> assertThat(e.source()).contains(archive.getFileName().toString() + "!"));
    }

    private ModelAssessment single(Path path) throws IOException {
        ScanAssessment scan = new AssessmentBuilder(KnowledgeBaseLoader.builtIn())
                .build(VerificationChecks.defaultScanner().scan(List.of(path)));
        assertThat(scan.models()).as(path.toString()).hasSize(1);
        return scan.models().get(0);
    }

    private static void add(ZipOutputStream out, Path unit, String prefix) throws IOException {
        for (Path file : files(unit)) {
            out.putNextEntry(new ZipEntry(entryName(unit, file, prefix)));
            Files.copy(file, out);
            out.closeEntry();
        }
    }

    /** The unit's files: the folder's, or the single file. */
    private static List<Path> files(Path unit) throws IOException {
        if (Files.isRegularFile(unit)) {
            return List.of(unit);
        }
        try (Stream<Path> children = Files.list(unit)) {
            return children.sorted().toList();
        }
    }

    /** Entries keep the folder's name ({@code Qwen3-8B/config.json}), as zipping a folder does. */
    private static String entryName(Path unit, Path file, String prefix) {
        Path base = unit.getParent();
        return prefix + base.relativize(file).toString().replace('\\', '/');
    }

}
