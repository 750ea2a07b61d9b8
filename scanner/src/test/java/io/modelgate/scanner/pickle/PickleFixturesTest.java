package io.modelgate.scanner.pickle;

import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.model.Severity;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The fixtures written by fixtures/pickle/generate.py with Python's own pickle module. */
class PickleFixturesTest {

    private static final Path FIXTURES = Path.of("..", "fixtures", "pickle");

    @TestFactory
    Stream<DynamicTest> everyMaliciousFixtureIsCaughtWithItsRuleAndGlobal() throws IOException {
        List<String[]> rows = Files.readAllLines(FIXTURES.resolve("expected.tsv")).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("\t"))
                .toList();
        assertThat(rows).hasSizeGreaterThan(30);
        return rows.stream().map(row -> DynamicTest.dynamicTest(row[0], () -> {
            FileCollector result = PickleTesting.scan(Files.readAllBytes(FIXTURES.resolve("malicious").resolve(row[0])),
                    row[0]);
            assertThat(result.format()).isEqualTo(ModelFormat.PICKLE);
            assertThat(result.findings())
                    .as(PickleTesting.describe(result))
                    .anySatisfy(f -> {
                        assertThat(f.ruleId()).isEqualTo(row[1]);
                        assertThat(f.subject()).isEqualTo(row[2]);
                        assertThat(f.location().offset()).isGreaterThanOrEqualTo(0);
                    });
            assertThat(result.findings()).anyMatch(f -> f.severity().atLeast(Severity.MEDIUM));
        }));
    }

    @TestFactory
    Stream<DynamicTest> benignFixturesHaveNothingAboveInfo() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(FIXTURES.resolve("benign"))) {
            files = list.sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String name = file.getFileName().toString();
            FileCollector result = PickleTesting.scan(Files.readAllBytes(file), name);
            if (name.startsWith("legacy_torch")) {
                // Only the head of a legacy torch stream: nothing dangerous, but the object pickle torch.load
                // needs is missing, so the PyTorch analyser reports it incomplete rather than clean.
                assertThat(result.format()).isEqualTo(ModelFormat.PYTORCH_LEGACY);
                assertThat(result.findings()).as(PickleTesting.describe(result))
                        .noneMatch(f -> f.severity().atLeast(Severity.HIGH));
                return;
            }
            assertThat(result.format()).isEqualTo(ModelFormat.PICKLE);
            assertThat(result.findings()).as(PickleTesting.describe(result))
                    .noneMatch(f -> f.severity().atLeast(Severity.LOW));
            assertThat(result.incompleteReasons()).as(PickleTesting.describe(result)).isEmpty();
            assertThat(result.facts()).containsKeys("pickle.protocol", "pickle.count", "pickle.globals");
        }));
    }
}
