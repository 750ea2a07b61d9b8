package io.modelgate.cli.progress;

import io.modelgate.scanner.Scanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressLineTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final StringWriter text = new StringWriter();

    private ProgressLine line(boolean terminal) {
        return new ProgressLine(new PrintWriter(text), terminal, now::get);
    }

    private void advanceSeconds(long seconds) {
        now.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    @Test
    void scansShorterThanASecondShowNothing() {
        ProgressLine line = line(false);
        line.started(3, 30);
        line.fileDone("a", 10);
        line.tick();
        line.close();
        assertThat(text.toString()).isEmpty();
    }

    @Test
    void showsFilesBytesAndTheLargeFileBeingRead() {
        ProgressLine line = line(false);
        line.started(3, 3L << 30);
        line.fileStarted("small.json", 100);
        line.fileDone("small.json", 100);
        line.fileStarted("big/model.safetensors", 2L << 30);
        line.fileStarted("tokenizer.json", 1000);
        advanceSeconds(2);
        line.tick();
        assertThat(text.toString()).isEqualTo(
                "modelgate: scanning 1/3 files, 100 B/3.0 GB, reading big/model.safetensors (2.0 GB)"
                        + System.lineSeparator());
    }

    @Test
    void onATerminalTheLineIsRedrawnInPlaceAndClearedAtTheEnd() {
        ProgressLine line = line(true);
        line.started(2, 2048);
        advanceSeconds(2);
        line.tick();
        line.fileDone("a", 1024);
        line.tick();
        line.close();
        String shown = text.toString();
        assertThat(shown).doesNotContain("\n").doesNotContain("\u001b");
        assertThat(shown).contains("\rmodelgate: scanning 0/2 files, 0 B/2.0 KB")
                .contains("\rmodelgate: scanning 1/2 files, 1.0 KB/2.0 KB");
        assertThat(shown).endsWith("\r");
    }

    @Test
    void controlCharactersInAFileNameCannotReachTheTerminal() {
        ProgressLine line = line(true);
        line.started(1, 1L << 30);
        line.fileStarted("evil\u001b[2J\rname.bin", 1L << 30);
        advanceSeconds(2);
        line.tick();
        assertThat(text.toString()).contains("reading evil?[2J?name.bin").doesNotContain("\u001b");
    }

    @Test
    void quietSilencesAndProgressForcesTheLine() {
        assertThat(options().shows(true)).isTrue();
        assertThat(options().shows(false)).isFalse();
        assertThat(options("--progress").shows(false)).isTrue();
        assertThat(options("--quiet").shows(true)).isFalse();
        assertThat(options("--quiet", "--progress").shows(true)).isFalse();
        assertThat(options("--quiet").display(new PrintWriter(text), true)).isSameAs(ProgressDisplay.OFF);
    }

    @Test
    void theScannerReportsEveryFileItAnalyses(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "abc");
        Files.createDirectories(dir.resolve("sub"));
        Files.write(dir.resolve("sub/b.bin"), new byte[100]);
        ProgressLine line = line(false);
        Scanner.withDefaults().withProgress(line).scan(List.of(dir));
        assertThat(line.describe()).isEqualTo("modelgate: scanning 2/2 files, 103 B/103 B");
    }

    private static ProgressOptions options(String... args) {
        ProgressOptions options = new ProgressOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }
}
