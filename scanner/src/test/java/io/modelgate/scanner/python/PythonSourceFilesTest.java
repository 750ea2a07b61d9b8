package io.modelgate.scanner.python;

import io.modelgate.scanner.Scanner;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.ScanReport;
import io.modelgate.scanner.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.modelgate.scanner.testing.ScanReports.findings;
import static org.assertj.core.api.Assertions.assertThat;

class PythonSourceFilesTest {

    private static final Path HF = Path.of("..", "fixtures", "hf");

    @Test
    void customCodeModelOnlyNeedsTheRemoteCodeReview() throws IOException {
        ScanReport report = Scanner.withDefaults().scan(List.of(HF.resolve("custom-code")));

        assertThat(report.files()).extracting(FileResult::format).contains("python", "json");
        assertThat(findings(report)).extracting(Finding::ruleId).containsExactly("MG-HF-001");
        assertThat(report.files()).allSatisfy(f -> assertThat(f.incompleteReasons()).isEmpty());
    }

    @Test
    void maliciousCustomCodeIsCriticalWithLines() throws IOException {
        ScanReport report = Scanner.withDefaults().scan(List.of(HF.resolve("malicious-code")));
        List<Finding> all = findings(report);

        assertThat(all).extracting(Finding::ruleId).contains("MG-HF-001", "MG-PY-001", "MG-PY-002", "MG-PY-004",
                "MG-PY-005", "MG-PY-006", "MG-PY-010", "MG-PY-011");
        assertThat(all).filteredOn(f -> f.ruleId().equals("MG-PY-001")).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.subject()).isEqualTo("subprocess.Popen");
            assertThat(f.location().path().toString()).endsWith("modeling_evillm.py");
            assertThat(f.message()).startsWith("line 20:");
        });
        assertThat(all).filteredOn(f -> f.ruleId().equals("MG-PY-004"))
                .allSatisfy(f -> assertThat(f.location().path().toString()).endsWith("configuration_evillm.py"));
    }

    @Test
    void hostileSourcesAreIncompleteOrLimitedNeverCrash(@TempDir Path dir) throws IOException {
        Path invalid = dir.resolve("modeling_a.py");
        byte[] bytes = "import os\nx = 'caf\u00e9'\n".getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[5000];
        java.util.Arrays.fill(broken, (byte) 'a');
        System.arraycopy(bytes, 0, broken, 0, bytes.length);
        broken[4990] = (byte) 0xc3;
        broken[4991] = (byte) 0x28;
        Files.write(invalid, broken);
        Path unterminated = dir.resolve("modeling_b.py");
        Files.writeString(unterminated, "x = '''never closed\nimport os\nos.system('id')\n");
        Path huge = dir.resolve("modeling_c.py");
        Files.writeString(huge, "x = 1\n".repeat(2_000_000));
        Path deep = dir.resolve("modeling_d.py");
        Files.writeString(deep, "x = " + "(".repeat(10_000) + "1" + ")".repeat(10_000) + "\n");

        for (Path p : List.of(invalid, unterminated, huge)) {
            FileResult result = Scanner.withDefaults().scanFile(p);
            assertThat(result.incompleteReasons()).as(p.toString()).isNotEmpty();
        }
        assertThat(Scanner.withDefaults().scanFile(deep).findings()).isEmpty();
    }

    @Test
    void pythonNameOnBinaryContentIsNotPython(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("modeling_x.py");
        Files.write(file, new byte[]{0, 1, 2, 3, (byte) 0xff, 0, 0, 0});

        assertThat(Scanner.withDefaults().scanFile(file).format()).isNotEqualTo("python");
    }
}
