package io.modelgate.scanner;

import io.modelgate.scanner.analysis.CoreRules;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.FileStatus;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.ScanReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Named pipes and devices are reported without being opened: opening a pipe blocks until someone writes, and
 * a device such as /dev/zero never ends. The time-outs only keep a broken build from hanging; they are generous.
 */
class SpecialFilesTest {

    @TempDir
    Path dir;

    private final Scanner scanner = new Scanner(Limits.defaults(), 2, Clock.systemUTC());

    private Path fifo(String name) throws IOException, InterruptedException {
        Path fifo = dir.resolve(name);
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        } catch (IOException e) {
            assumeTrue(false, "mkfifo is not available");
            throw e;
        }
        assumeTrue(mkfifo.waitFor() == 0 && Files.exists(fifo), "mkfifo failed");
        return fifo;
    }

    private static void assertNotOpened(FileResult result, String kind) {
        assertThat(result.status()).isEqualTo(FileStatus.ERROR);
        assertThat(result.sha256()).isNull();
        assertThat(result.findings()).extracting(Finding::ruleId).containsExactly(CoreRules.UNREADABLE.id());
        assertThat(result.findings().get(0).message()).contains("is " + kind).contains("not opened");
    }

    @Test
    @Timeout(120)
    void namedPipeInAFolderIsReportedWithoutBeingOpened() throws Exception {
        fifo("model.bin");
        Files.writeString(dir.resolve("config.json"), "{\"model_type\": \"bert\"}");

        ScanReport report = scanner.scan(List.of(dir));

        FileResult pipe = report.files().stream().filter(f -> f.path().endsWith("model.bin")).findFirst().orElseThrow();
        assertNotOpened(pipe, "a named pipe (FIFO)");
        assertThat(report.files()).anyMatch(f -> f.path().endsWith("config.json") && f.status() != FileStatus.ERROR);
    }

    @Test
    @Timeout(120)
    void namedPipeGivenAsThePathIsReportedWithoutBeingOpened() throws Exception {
        Path pipe = fifo("weights.pt");

        ScanReport report = scanner.scan(List.of(pipe));

        assertThat(report.files()).hasSize(1);
        assertNotOpened(report.files().get(0), "a named pipe (FIFO)");
    }

    @Test
    @Timeout(120)
    void endlessDeviceIsNotRead() throws IOException {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "no /dev/zero on this system");

        assertNotOpened(scanner.scanFile(zero), "a character device");
    }

    @Test
    @Timeout(120)
    void linkToAPipeInsideTheFolderIsNotFollowedIntoThePipe() throws Exception {
        Path pipe = fifo("real.bin");
        Files.createSymbolicLink(dir.resolve("alias.bin"), pipe.getFileName());

        ScanReport report = scanner.scan(List.of(dir));

        FileResult link = report.files().stream().filter(f -> f.path().endsWith("alias.bin")).findFirst().orElseThrow();
        assertThat(link.status()).isEqualTo(FileStatus.ERROR);
        assertThat(link.findings()).extracting(Finding::message).anyMatch(m -> m.contains("named pipe"));
    }
}
