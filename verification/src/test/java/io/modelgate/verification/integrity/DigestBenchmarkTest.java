package io.modelgate.verification.integrity;

import io.modelgate.scanner.digest.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DigestBenchmarkTest {

    @TempDir
    Path dir;

    @Test
    void parsesBashTimesForChildrenCpu() {
        assertThat(DigestBenchmark.childCpuNanos("0m0.001s 0m0.002s\n0m1.500s 0m0.250s\n")).isEqualTo(1_750_000_000L);
        assertThat(DigestBenchmark.childCpuNanos("garbage")).isEqualTo(-1);
    }

    @Test
    void measuresEveryByteAndParallelHashingAgreesWithSequential() throws IOException {
        for (int i = 0; i < 4; i++) {
            byte[] bytes = new byte[100_000 + i];
            bytes[i] = (byte) i;
            Files.write(dir.resolve("f" + i), bytes);
        }
        List<Path> files = DigestBenchmark.regularFiles(dir);
        DigestBenchmark.Run run = DigestBenchmark.scanner(files, 2);
        assertThat(run.bytes()).isEqualTo(400_006);
        Map<Path, String> parallel = FileHashing.sha256(files, 3);
        for (Path file : files) {
            assertThat(parallel.get(file)).isEqualTo(Sha256.ofBytes(Files.readAllBytes(file)));
        }
    }
}
