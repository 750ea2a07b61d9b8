package io.modelgate.scanner.digest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class Sha256Test {

    @TempDir
    Path temp;

    @Test
    void knownVector() throws Exception {
        Path abc = Files.writeString(temp.resolve("abc"), "abc");
        assertThat(Sha256.ofFile(abc))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void filesOfEverySizeAroundTheBufferHashAsTheirBytes() throws Exception {
        Random random = new Random(256);
        int buffer = 256 * 1024;
        for (int size : new int[]{0, 1, 63, 64, 65, buffer - 1, buffer, buffer + 1, 3 * buffer + 7}) {
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            Path file = Files.write(temp.resolve("f" + size), bytes);
            assertThat(Sha256.ofFile(file)).as("size %d", size).isEqualTo(Sha256.ofBytes(bytes));
        }
    }

    @Test
    void threadsHashingTogetherEachGetTheirOwnDigests() {
        Random random = new Random(17);
        java.util.List<byte[]> inputs = java.util.stream.IntStream.range(0, 400)
                .mapToObj(i -> { byte[] b = new byte[random.nextInt(3000)]; random.nextBytes(b); return b; }).toList();
        java.util.List<String> expected = inputs.stream()
                .map(b -> java.util.HexFormat.of().formatHex(Sha256.newDigest().digest(b))).toList();

        java.util.List<String> together = inputs.parallelStream().map(Sha256::ofBytes).toList();

        assertThat(together).isEqualTo(expected);
    }
}
