package io.modelgate.scanner.pickle;

import io.modelgate.scanner.analysis.FileCollector;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Random, mutated and truncated inputs: the analyser reports, it never throws or hangs. */
class PickleRobustnessTest {

    private static final Path FIXTURES = Path.of("..", "fixtures", "pickle");

    @Test
    void randomStreamsNeverEscapeTheAnalyser() {
        Random random = new Random(7);
        Opcode[] ops = Opcode.values();
        for (int i = 0; i < 2000; i++) {
            PickleBuilder b = PickleBuilder.proto(random.nextInt(6));
            int length = random.nextInt(200);
            for (int k = 0; k < length; k++) {
                if (random.nextInt(4) == 0) {
                    b.raw(random.nextInt(256));
                } else {
                    b.op(ops[random.nextInt(ops.length)]);
                }
            }
            byte[] data = b.build();
            assertThatCode(() -> PickleTesting.analyse(data)).doesNotThrowAnyException();
        }
    }

    @Test
    void mutatedAndTruncatedFixturesNeverEscapeTheAnalyser() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Stream.concat(Files.list(FIXTURES.resolve("malicious")),
                Files.list(FIXTURES.resolve("benign")))) {
            files = list.sorted().toList();
        }
        Random random = new Random(11);
        for (Path file : files) {
            byte[] original = Files.readAllBytes(file);
            for (int i = 0; i < 40; i++) {
                byte[] data = original.clone();
                for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                    data[random.nextInt(data.length)] = (byte) random.nextInt(256);
                }
                byte[] cut = java.util.Arrays.copyOf(data, random.nextInt(data.length + 1));
                assertThatCode(() -> PickleTesting.analyse(cut)).as(file.toString()).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void everyTruncationOfAPickleIsMarkedIncomplete() throws IOException {
        byte[] original = Files.readAllBytes(FIXTURES.resolve("malicious").resolve("os_system_p2.pkl"));
        for (int cut = 0; cut < original.length - 1; cut++) {
            FileCollector c = PickleTesting.analyse(java.util.Arrays.copyOf(original, cut));
            assertThat(c.incompleteReasons()).as("cut at " + cut).isNotEmpty();
        }
    }
}
