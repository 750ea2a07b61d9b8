package io.modelgate.scanner;

import io.modelgate.scanner.analysis.CoreRules;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.FileStatus;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.ScanReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScannerWalkTest {

    @TempDir
    Path dir;

    private FileResult result(ScanReport report, String suffix) {
        return report.files().stream().filter(f -> f.path().endsWith(suffix)).findFirst().orElseThrow();
    }

    @Test
    void walksFoldersRecursivelyAndSkipsGit() throws IOException {
        Files.createDirectories(dir.resolve("a/b"));
        Files.write(dir.resolve("a/b/deep.txt"), new byte[]{0, 1, 2}); // unknown binary: listed, not analysed
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve(".git/HEAD"), "ref");
        ScanReport report = Scanner.withDefaults().scan(List.of(dir));
        assertThat(report.files()).extracting(FileResult::path).singleElement().asString().endsWith("a/b/deep.txt");
        FileResult deep = report.files().get(0);
        assertThat(deep.status()).isEqualTo(FileStatus.SKIPPED);
        assertThat(deep.sha256()).isEqualTo("ae4b3280e56e2faf83f414a6e3dabe9d5fbe18976544c05fed121accb85b53fc");
    }

    @Test
    void linksInsideTheRootAreReadUnderTheirOwnName() throws IOException {
        Files.writeString(dir.resolve("blob"), "x");
        Files.createSymbolicLink(dir.resolve("model.bin"), dir.resolve("blob"));
        ScanReport report = Scanner.withDefaults().scan(List.of(dir));
        FileResult link = result(report, "model.bin");
        assertThat(link.sha256()).isEqualTo(result(report, "blob").sha256());
        assertThat(link.findings()).extracting(Finding::ruleId).containsExactly(CoreRules.SYMLINK.id());
    }

    @Test
    void linksOutOfTheRootAreNeverFollowed() throws IOException {
        Path outside = Files.createTempFile("outside", ".txt");
        try {
            Path root = Files.createDirectory(dir.resolve("root"));
            Files.createSymbolicLink(root.resolve("escape"), outside);
            Files.createSymbolicLink(root.resolve("dangling"), root.resolve("nowhere"));
            ScanReport report = Scanner.withDefaults().scan(List.of(root));
            FileResult escape = result(report, "escape");
            assertThat(escape.sha256()).isNull();
            assertThat(escape.findings()).extracting(Finding::ruleId).containsExactly(CoreRules.SYMLINK_ESCAPE.id());
            assertThat(result(report, "dangling").findings()).extracting(Finding::ruleId)
                    .containsExactly(CoreRules.SYMLINK.id());
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void filesOverTheSizeLimitAreIncomplete() throws IOException {
        Path file = dir.resolve("big.bin");
        Files.write(file, new byte[2048]);
        Scanner scanner = new Scanner(Limits.defaults().withMaxFileBytes(1024), 1, java.time.Clock.systemUTC());
        FileResult result = scanner.scanFile(file);
        assertThat(result.status()).isEqualTo(FileStatus.INCOMPLETE);
        assertThat(result.findings()).extracting(Finding::ruleId).contains(CoreRules.LIMIT_REACHED.id());
        // the size is checked before anything is read: no digest of a file too large to analyse
        assertThat(result.sha256()).isNull();
        assertThat(result.size()).isEqualTo(2048);
        assertThat(result.incompleteReasons()).anyMatch(r -> r.contains("larger than the limit of 1024 bytes"));
    }

    @Test
    void missingRootIsRejected() {
        assertThatThrownBy(() -> Scanner.withDefaults().scan(List.of(dir.resolve("none"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNameTheReportCannotNameAgainIsIncompleteAndTheScanGoesOn() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        // Byte 0xFC is Latin-1 u-umlaut: not UTF-8, and not ASCII under LANG=C. Java cannot create such a name.
        Process made = new ProcessBuilder("/bin/sh", "-c",
                "mkdir -p \"$1\" && printf x > \"$1/$(printf 'bad\\374name')\" && mkdir \"$1/$(printf 'dir\\374')\" "
                        + "&& printf y > \"$1/$(printf 'dir\\374')/inner\"", "sh", dir.toString())
                .inheritIO().start();
        assertThat(made.waitFor()).isZero();
        Files.writeString(dir.resolve("good.txt"), "fine");
        ScanReport report = Scanner.withDefaults().scan(List.of(dir));
        assertThat(report.files()).hasSize(3);
        assertThat(result(report, "good.txt").sha256()).isNotNull();
        List<FileResult> unnamed = report.files().stream().filter(f -> !f.path().endsWith("good.txt")).toList();
        assertThat(unnamed).allSatisfy(f -> {
            assertThat(f.status()).isEqualTo(FileStatus.INCOMPLETE);
            assertThat(f.sha256()).isNull();
            assertThat(f.incompleteReasons()).singleElement().asString().contains("file-system encoding");
        });
    }
}
