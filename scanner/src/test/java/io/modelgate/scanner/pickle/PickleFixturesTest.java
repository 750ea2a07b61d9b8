package io.modelgate.scanner.pickle;

import io.modelgate.scanner.Scanner;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.FileStatus;
import io.modelgate.scanner.model.Finding;
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
    private static final Scanner SCANNER = Scanner.withDefaults();

    @TestFactory
    Stream<DynamicTest> everyMaliciousFixtureIsCaughtWithItsRuleAndGlobal() throws IOException {
        List<String[]> rows = Files.readAllLines(FIXTURES.resolve("expected.tsv")).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("\t"))
                .toList();
        assertThat(rows).hasSizeGreaterThan(30);
        return rows.stream().map(row -> DynamicTest.dynamicTest(row[0], () -> {
            FileResult result = SCANNER.scanFile(FIXTURES.resolve("malicious").resolve(row[0]));
            assertThat(result.format()).isEqualTo("pickle");
            assertThat(result.findings())
                    .as(describe(result))
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
            FileResult result = SCANNER.scanFile(file);
            String name = file.getFileName().toString();
            if (name.startsWith("legacy_torch")) {
                // Only the head of a legacy torch stream: nothing dangerous, but the object pickle torch.load
                // needs is missing, so the PyTorch analyser reports it incomplete rather than clean.
                assertThat(result.format()).isEqualTo("pytorch-legacy");
                assertThat(result.findings()).as(describe(result))
                        .noneMatch(f -> f.severity().atLeast(Severity.HIGH));
                return;
            }
            assertThat(result.format()).isEqualTo("pickle");
            assertThat(result.findings()).as(describe(result))
                    .noneMatch(f -> f.severity().atLeast(Severity.LOW));
            assertThat(result.status()).as(describe(result)).isEqualTo(FileStatus.CLEAN);
        }));
    }

    static String describe(FileResult result) {
        StringBuilder s = new StringBuilder(result.path()).append(" ").append(result.status());
        for (Finding f : result.findings()) {
            s.append("\n  ").append(f.ruleId()).append(' ').append(f.location()).append(' ').append(f.subject())
                    .append(": ").append(f.message());
        }
        result.incompleteReasons().forEach(r -> s.append("\n  incomplete: ").append(r));
        s.append("\n  facts: ").append(result.facts());
        return s.toString();
    }
}
