package io.modelgate.scanner.archive;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Randomly damaged archives: every scan ends, quickly, without an exception escaping the engine. */
class ArchiveMutationTest {

    private static final int MUTANTS = 60;

    @ParameterizedTest
    @ValueSource(strings = {"nested.zip", "stored.zip", "real-torch.pt", "real-torchscript.pt", "real.npz",
            "evil.tar.bz2", "evil.tar.xz", "model.pkl.gz", "model.pkl.xz", "model.pkl.lzma", "model.pkl.zlib"})
    void damagedArchivesAreHandled(String fixture) {
        byte[] original = Fixtures.bytes(fixture);
        Random random = new Random(fixture.hashCode());
        long start = System.nanoTime();
        for (int i = 0; i < MUTANTS; i++) {
            byte[] mutant = mutate(original, random);
            assertThatCode(() -> ArchiveScan.of(fixture, mutant)).as("mutant %d of %s", i, fixture)
                    .doesNotThrowAnyException();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] out = original.clone();
        switch (random.nextInt(4)) {
            case 0 -> {
                for (int k = 1 + random.nextInt(4); k > 0; k--) {
                    out[random.nextInt(out.length)] = (byte) random.nextInt(256);
                }
            }
            case 1 -> out = Arrays.copyOf(out, random.nextInt(out.length));
            case 2 -> {
                // a length or count field set to an extreme value
                int at = random.nextInt(Math.max(1, out.length - 4));
                for (int k = 0; k < 4 && at + k < out.length; k++) {
                    out[at + k] = (byte) 0xff;
                }
            }
            default -> {
                int at = random.nextInt(out.length);
                out[at] ^= (byte) (1 << random.nextInt(8));
            }
        }
        return out;
    }

}
