package io.modelgate.fleet;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SizePartitionerTest {

    @Test
    void everyUnitLandsInExactlyOneBinAndBinsStayBalanced() {
        Random random = new Random(20261203);
        for (int round = 0; round < 500; round++) {
            int count = random.nextInt(200);
            int partitions = 1 + random.nextInt(32);
            List<UnitSpec> units = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                // sizes spread over many orders of magnitude, as in a real registry
                long bytes = (long) Math.pow(10, random.nextDouble() * 11);
                units.add(new UnitSpec("file:/r/u" + i, "file:/r", bytes, 1));
            }

            List<List<UnitSpec>> bins = SizePartitioner.pack(units, partitions);

            assertThat(bins.size()).isLessThanOrEqualTo(Math.max(1, partitions));
            assertThat(bins).noneMatch(List::isEmpty);
            assertThat(bins.stream().flatMap(List::stream).toList()).containsExactlyInAnyOrderElementsOf(units);
            if (count > 0) {
                long total = units.stream().mapToLong(u -> Math.max(1, u.bytes())).sum();
                long largest = units.stream().mapToLong(u -> Math.max(1, u.bytes())).max().orElseThrow();
                long heaviest = bins.stream().mapToLong(b -> b.stream().mapToLong(u -> Math.max(1, u.bytes())).sum())
                        .max().orElseThrow();
                // greedy largest-first never exceeds the average load plus one unit
                assertThat(heaviest).isLessThanOrEqualTo(total / bins.size() + largest);
            }
        }
    }

    @Test
    void largestUnitsGoToDifferentPartitions() {
        List<UnitSpec> units = List.of(new UnitSpec("a", "r", 100, 1), new UnitSpec("b", "r", 90, 1),
                new UnitSpec("c", "r", 10, 1), new UnitSpec("d", "r", 5, 1));

        List<List<UnitSpec>> bins = SizePartitioner.pack(units, 2);

        assertThat(bins).hasSize(2);
        assertThat(bins.get(0)).extracting(UnitSpec::uri).containsExactly("a", "d");
        assertThat(bins.get(1)).extracting(UnitSpec::uri).containsExactly("b", "c");
    }
}
