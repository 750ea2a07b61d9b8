package io.modelgate.fleet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Spreads units over partitions by size: largest first, each to the partition with the fewest bytes so far
 * (longest-processing-time first). The biggest models start first and no partition holds two giants while
 * another holds only small ones.
 */
public final class SizePartitioner {

    private SizePartitioner() {
    }

    /** At most {@code partitions} non-empty bins; each unit in exactly one. */
    public static List<List<UnitSpec>> pack(List<UnitSpec> units, int partitions) {
        int count = Math.max(1, Math.min(partitions, units.size()));
        List<UnitSpec> bySize = new ArrayList<>(units);
        bySize.sort(Comparator.comparingLong(UnitSpec::bytes).reversed().thenComparing(UnitSpec::uri));
        record Bin(int index, long bytes) {
        }
        PriorityQueue<Bin> lightest = new PriorityQueue<>(
                Comparator.comparingLong(Bin::bytes).thenComparingInt(Bin::index));
        List<List<UnitSpec>> bins = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            bins.add(new ArrayList<>());
            lightest.add(new Bin(i, 0));
        }
        for (UnitSpec unit : bySize) {
            Bin bin = lightest.poll();
            bins.get(bin.index()).add(unit);
            // a unit of 0 bytes still costs a task some time: count it as one byte
            lightest.add(new Bin(bin.index(), bin.bytes() + Math.max(1, unit.bytes())));
        }
        bins.removeIf(List::isEmpty);
        return bins;
    }
}
