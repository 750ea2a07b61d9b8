package io.modelgate.scanner.gguf;

import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.testing.ArtifactScan;
import io.modelgate.scanner.testing.Mutants;
import io.modelgate.testkit.RandomCases;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fail-closed properties of GGUF analysis over mutants of real files: no exception, work bounded by the
 * per-file deadline, never skipped (unless nothing but zero bytes is left), and clean only when the mutant is still a file the GGUF specification
 * accepts.
 */
class GgufRobustnessTest {

    private static final String[] FIXTURES = {"qwen2-q4_k-q8_0.gguf", "tinyllama-be.gguf"};

    @Test
    void theOracleAcceptsTheRealFiles() {
        for (String name : FIXTURES) {
            assertThat(GgufSpec.accepts(fixture(name))).as(name).isTrue();
        }
    }

    private record Case(String name, Mutants.Mutation mutation) {
    }

    @Test
    void mutantsFailClosed() {
        RandomCases.check(200, gen -> new Case(gen.of(FIXTURES), Mutants.mutation(gen)), c -> {
            byte[] mutant = c.mutation().apply(fixture(c.name()));

            FileCollector scan = ArtifactScan.scan("model.gguf", mutant);

            Mutants.assertFailsClosed(scan, mutant, GgufSpec::accepts);
        });
    }

    private static byte[] fixture(String name) {
        return Mutants.fixture("gguf", name);
    }
}
