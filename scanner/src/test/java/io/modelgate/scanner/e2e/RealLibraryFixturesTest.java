package io.modelgate.scanner.e2e;

import io.modelgate.scanner.Scanner;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.FileStatus;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Severity;
import io.modelgate.scanner.numpy.NumpyRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The false-positive gate and the attack check on files written by the real libraries (see
 * fixtures/README.md): benign checkpoints, arrays and estimators must come out clean; the malicious
 * ones must name os.system at the inner path where it sits.
 */
class RealLibraryFixturesTest {

    private static final Path FIXTURES = Path.of("..", "fixtures");
    private static final List<String> AREAS = List.of("torch", "numpy", "joblib");
    private static final String OBJECT_ARRAY = "object_dtype.npy";

    private static final Scanner SCANNER = Scanner.withDefaults();

    static Stream<Path> benignFixtures() throws IOException {
        return fixtures().filter(p -> !isMalicious(p) && !p.getFileName().toString().equals(OBJECT_ARRAY));
    }

    @ParameterizedTest
    @MethodSource("benignFixtures")
    void benignFilesAreClean(Path file) {
        FileResult result = SCANNER.scanFile(file);

        assertThat(aboveInfo(result)).as(describe(result)).isEmpty();
        assertThat(result.incompleteReasons()).as(describe(result)).isEmpty();
        assertThat(result.status()).as(describe(result))
                .isEqualTo(result.findings().isEmpty() ? FileStatus.CLEAN : FileStatus.FINDINGS);
    }

    @ParameterizedTest
    @CsvSource({
            "torch/evil_reduce.pt, evil_reduce.pt!evil_reduce/data.pkl",
            "torch/evil_legacy.pt, evil_legacy.pt",
            "torch/evil_legacy_protocol1.pt, evil_legacy_protocol1.pt",
            "torch/evil_renamed_root.pt, evil_renamed_root.pt!innocent/data.pkl",
            "torch/evil_extra_member.pt, evil_extra_member.pt!archive/extra.pkl",
            "torch/evil_scripted.pt, evil_scripted.pt!scripted/constants.pkl",
            "torch/evil_tar.pt, evil_tar.pt!storages",
            "numpy/evil_object_array.npz, evil_object_array.npz!labels.npy!object-array.pkl",
            "joblib/evil.joblib.z, evil.joblib.z!evil.joblib",
    })
    void maliciousFilesNameTheCommandRunnerWhereItSits(String fixture, String innerPath) {
        FileResult result = SCANNER.scanFile(FIXTURES.resolve(fixture));

        List<Finding> critical = result.findings().stream()
                .filter(f -> f.severity() == Severity.CRITICAL)
                .filter(f -> f.subject() != null && f.subject().matches("(os|posix|nt)\\.system"))
                .toList();
        assertThat(critical).as(describe(result)).isNotEmpty();
        assertThat(critical).as(describe(result))
                .anySatisfy(f -> assertThat(relative(f.location().path().toString())).startsWith(innerPath));
    }

    @Test
    void everyMaliciousFixtureIsCoveredAbove() throws IOException {
        assertThat(fixtures().filter(RealLibraryFixturesTest::isMalicious).map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("evil_reduce.pt", "evil_legacy.pt", "evil_legacy_protocol1.pt", "evil_renamed_root.pt",
                        "evil_extra_member.pt", "evil_scripted.pt", "evil_tar.pt", "evil_object_array.npz", "evil.joblib.z");
    }

    @Test
    void objectArrayIsFlaggedForItsPickleAndNothingWorse() {
        FileResult result = SCANNER.scanFile(FIXTURES.resolve("numpy").resolve(OBJECT_ARRAY));

        assertThat(aboveInfo(result)).as(describe(result)).extracting(Finding::ruleId)
                .containsExactly(NumpyRules.OBJECT_ARRAY.id());
        assertThat(result.innerFormats()).contains("pickle");
        assertThat(result.incompleteReasons()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"torch/legacy_state_dict.pt", "torch/legacy_protocol1.pt"})
    void legacyStreamIsRecognisedByContentWhateverThePickleProtocol(String fixture) {
        FileResult result = SCANNER.scanFile(FIXTURES.resolve(fixture));

        assertThat(result.format()).isEqualTo("pytorch-legacy");
        assertThat(result.facts()).containsEntry("pytorch.format", "legacy").containsEntry("pytorch.storage_keys", 4);
    }

    @Test
    void oldTarCheckpointIsWalkedRecordByRecord() {
        FileResult result = SCANNER.scanFile(FIXTURES.resolve("torch/tar_state_dict.pt"));

        assertThat(result.format()).isEqualTo("pytorch-tar");
        assertThat(result.innerFormats()).contains("pytorch-tar-storages", "pytorch-tar-tensors", "pickle");
        assertThat(result.facts()).containsValue(4L);
    }

    @Test
    void joblibDumpsAreRecognisedInsideTheirCompression() {
        assertThat(SCANNER.scanFile(FIXTURES.resolve("joblib/pipeline.joblib")).format()).isEqualTo("joblib");
        assertThat(SCANNER.scanFile(FIXTURES.resolve("joblib/pipeline.joblib.xz")).innerFormats()).contains("joblib");
    }

    private static Stream<Path> fixtures() throws IOException {
        return AREAS.stream().flatMap(RealLibraryFixturesTest::list)
                .filter(p -> !p.getFileName().toString().endsWith(".py"))
                .sorted();
    }

    private static Stream<Path> list(String area) {
        try (Stream<Path> files = Files.list(FIXTURES.resolve(area))) {
            return files.filter(Files::isRegularFile).toList().stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isMalicious(Path file) {
        return file.getFileName().toString().startsWith("evil");
    }

    private static List<Finding> aboveInfo(FileResult result) {
        return result.findings().stream().filter(f -> f.severity().atLeast(Severity.LOW)).toList();
    }

    /** The artifact path without the fixture directory, e.g. {@code evil.pt!archive/extra.pkl}. */
    private static String relative(String path) {
        return path.substring(path.lastIndexOf('/', path.indexOf('!') < 0 ? path.length() : path.indexOf('!')) + 1);
    }

    private static String describe(FileResult result) {
        return result.path() + " [" + result.format() + " " + result.innerFormats() + "] status " + result.status()
                + " findings " + result.findings().stream()
                .map(f -> f.ruleId() + " " + f.severity().id() + " " + f.subject() + " @ " + f.location())
                .toList() + " incomplete " + result.incompleteReasons() + " facts " + result.facts();
    }
}
