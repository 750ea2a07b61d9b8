package io.modelgate.testkit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The property runner itself: every case runs, the same cases every time, and a failure names its case. */
class RandomCasesTest {

    @Test
    void everyCaseRunsAndTheCasesAreTheSameEachRun() {
        List<Long> first = new ArrayList<>();
        List<Long> second = new ArrayList<>();
        run(500, gen -> gen.longBetween(Long.MIN_VALUE, Long.MAX_VALUE), first::add);
        run(500, gen -> gen.longBetween(Long.MIN_VALUE, Long.MAX_VALUE), second::add);

        assertThat(first).hasSize(500).isEqualTo(second);
        assertThat(first.stream().distinct().count()).as("cases differ from each other").isGreaterThan(400);
    }

    @Test
    void aFailureNamesItsCaseAndSeed() {
        assertThatThrownBy(() -> run(100, gen -> gen.intBetween(0, 1000), n -> {
            assertThat(n).isLessThan(900);
        }))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("seed " + RandomCases.SEED)
                .hasMessageContaining("-Dmodelgate.case=")
                .hasCauseInstanceOf(AssertionError.class);
    }

    @Test
    void anExceptionInThePropertyFailsIt() {
        assertThatThrownBy(() -> run(10, gen -> gen.bytes(0, 4), b -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(AssertionError.class).hasMessageContaining("case 0 of 10").hasMessageContaining("boom");
    }

    @Test
    void generatedValuesStayWithinTheirBoundsAndReachThem() {
        run(2000, gen -> new int[]{gen.intBetween(-3, 7), gen.string(5).length(),
                gen.bytes(1, 64).length, gen.list(40, gen::bool).size()}, v -> {
            assertThat(v[0]).isBetween(-3, 7);
            assertThat(v[1]).isBetween(0, 5);
            assertThat(v[2]).isBetween(1, 64);
            assertThat(v[3]).isBetween(0, 40);
        });
        List<Integer> drawn = new ArrayList<>();
        run(200, gen -> gen.intBetween(-3, 7), drawn::add);
        assertThat(drawn).contains(-3, 7, 0);
        List<Double> places = new ArrayList<>();
        run(200, gen -> gen.doubleBetween(0, 0.05, 2), places::add);
        assertThat(places).containsOnly(0.0, 0.01, 0.02, 0.03, 0.04, 0.05);
    }

    /** The runner at the fixed seed, whatever -Dmodelgate.* a longer run sets. */
    private static <T> void run(int count, RandomCases.Generator<T> generator, RandomCases.Property<T> property) {
        RandomCases.run(RandomCases.SEED, count, null, generator, property);
    }
}
