package io.modelgate.scanner;

import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.ScanReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Broken copies of every fixture (truncated, bytes overwritten) are scanned; no message may name a Java class,
 * package or exception: reports speak to users, not to the developers of the scanner.
 */
class MessageHygieneTest {

    private static final Path FIXTURES = Path.of("..", "fixtures");
    private static final long LARGEST_SEED = 512 * 1024;
    private static final Pattern JAVA_WORDS = Pattern.compile(
            "java\\.|javax\\.|io\\.modelgate|com\\.fasterxml|org\\.apache|io\\.jhdf|org\\.bouncycastle|org\\.yaml"
                    + "|[A-Za-z]+Exception\\b|OutOfMemoryError|StackOverflowError|\\bat [\\w$.]+\\(");

    @TempDir
    Path corpus;

    @Test
    void brokenFilesAreReportedInPlainWords() throws IOException {
        List<Path> seeds;
        try (Stream<Path> files = Files.walk(FIXTURES)) {
            seeds = files.filter(Files::isRegularFile).filter(MessageHygieneTest::smallEnough).sorted().toList();
        }
        Random random = new Random(20261202);
        int n = 0;
        for (Path seed : seeds) {
            byte[] bytes = Files.readAllBytes(seed);
            String name = seed.getFileName().toString();
            write(n++, name, Arrays.copyOf(bytes, bytes.length / 2));
            write(n++, name, Arrays.copyOf(bytes, Math.min(bytes.length, 37)));
            for (int mutant = 0; mutant < 2 && bytes.length > 0; mutant++) {
                byte[] copy = bytes.clone();
                for (int flips = 1 + random.nextInt(6); flips > 0; flips--) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
                write(n++, name, copy);
            }
        }

        ScanReport report = new Scanner(Limits.defaults(), 2, Clock.systemUTC()).scan(List.of(corpus));

        List<String> messages = new ArrayList<>();
        for (FileResult file : report.files()) {
            file.findings().stream().map(Finding::message).forEach(messages::add);
            messages.addAll(file.incompleteReasons());
        }
        assertThat(report.files()).hasSizeGreaterThan(seeds.size() * 3);
        assertThat(messages).hasSizeGreaterThan(seeds.size());
        assertThat(messages).noneMatch(m -> JAVA_WORDS.matcher(m).find());
        assertThat(messages).noneMatch(m -> m.contains("\n"));
    }

    private void write(int index, String name, byte[] bytes) throws IOException {
        Path folder = Files.createDirectories(corpus.resolve(String.format("%05d", index)));
        Files.write(folder.resolve(name), bytes);
    }

    private static boolean smallEnough(Path file) {
        try {
            return Files.size(file) <= LARGEST_SEED;
        } catch (IOException e) {
            return false;
        }
    }
}
