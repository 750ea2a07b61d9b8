package io.modelgate.scanner;

import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.FileStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Randomly corrupted ONNX, TensorFlow and HDF5 files: each ends in a verdict within its deadline, never an error. */
class GraphFormatMutationTest {

    private static final int ROUNDS = 15;
    private static final Path FIXTURES = Path.of("..", "fixtures");

    @TempDir
    Path temp;

    @Test
    void corruptedFilesNeverCrashOrHang() throws IOException {
        Scanner scanner = Scanner.withDefaults();
        List<Path> seeds = List.of(FIXTURES.resolve("keras/benign/legacy_dense.h5"),
                FIXTURES.resolve("onnx/benign/if_loop.onnx"),
                FIXTURES.resolve("onnx/benign/torch_cnn.onnx"),
                FIXTURES.resolve("tensorflow/benign/dense_savedmodel/saved_model.pb"),
                FIXTURES.resolve("tensorflow/benign/dense_savedmodel/keras_metadata.pb"));
        Random random = new Random(20261123);
        for (Path seed : seeds) {
            byte[] original = Files.readAllBytes(seed);
            for (int round = 0; round < ROUNDS; round++) {
                byte[] bytes = original.clone();
                for (int flips = 1 + random.nextInt(8); flips > 0; flips--) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
                Path file = Files.write(temp.resolve(seed.getFileName()), bytes);
                FileResult result = scanner.scanFile(file);
                String what = seed + " round " + round;
                assertThat(result.status()).as(what).isNotEqualTo(FileStatus.ERROR);
                assertThat(result.incompleteReasons()).as(what).noneMatch(r -> r.contains("analysis failed"));
                assertThat(result.findings()).as(what).noneMatch(f -> f.ruleId().equals("MG-GEN-006"));
            }
        }
    }
}
