package io.modelgate.scanner.safetensors;

import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.testing.ArtifactScan;
import io.modelgate.scanner.testing.Mutants;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fail-closed properties of safetensors analysis over mutants of real files: no exception, work bounded by
 * the per-file deadline, never skipped (unless nothing but zero bytes is left), and clean only when the
 * mutant is still a file the safetensors specification accepts.
 */
class SafetensorsRobustnessTest {

    private static final String[] FIXTURES = {"tiny-llama-f16.safetensors", "lora-kohya.safetensors"};

    @Example
    void theOracleAcceptsTheRealFiles() {
        for (String name : FIXTURES) {
            assertThat(SafetensorsSpec.accepts(fixture(name))).as(name).isTrue();
        }
    }

    @Property(seed = "20261202")
    void mutantsFailClosed(@ForAll("fixtureNames") String name, @ForAll("mutations") Mutants.Mutation mutation) {
        byte[] mutant = mutation.apply(fixture(name));

        FileCollector scan = ArtifactScan.scan("model.safetensors", mutant);

        Mutants.assertFailsClosed(scan, mutant, SafetensorsSpec::accepts);
    }

    @Provide
    Arbitrary<String> fixtureNames() {
        return Arbitraries.of(FIXTURES);
    }

    @Provide
    Arbitrary<Mutants.Mutation> mutations() {
        return Mutants.mutations();
    }

    private static byte[] fixture(String name) {
        return Mutants.fixture("safetensors", name);
    }
}
