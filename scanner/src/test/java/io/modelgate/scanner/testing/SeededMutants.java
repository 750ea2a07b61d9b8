package io.modelgate.scanner.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Mutations of a valid file drawn from a fixed-seed {@link Random}, for property-style JUnit tests: the same
 * kinds as {@link Mutants} (flips, overwritten bytes, extreme counts, truncation, insertion, appended bytes),
 * biased to the first bytes where headers, lengths and counts sit.
 */
public final class SeededMutants {

    private static final long[] EXTREMES = {0L, 1L, 0xffL, 0xffffL, 0x7fffffffL, 0xffffffffL, 1L << 40, 1L << 62,
            Long.MAX_VALUE, -1L};

    private SeededMutants() {
    }

    public static List<Mutants.Mutation> draw(long seed, int count) {
        Random random = new Random(seed);
        List<Mutants.Mutation> out = new ArrayList<>(count);
        Mutants.Kind[] kinds = Mutants.Kind.values();
        for (int i = 0; i < count; i++) {
            double where = random.nextInt(4) < 3 ? random.nextDouble() * 0.05 : random.nextDouble();
            long value = random.nextBoolean() ? EXTREMES[random.nextInt(EXTREMES.length)] : random.nextInt(256);
            byte[] bytes = new byte[1 + random.nextInt(64)];
            random.nextBytes(bytes);
            out.add(new Mutants.Mutation(kinds[random.nextInt(kinds.length)], where, value, bytes));
        }
        return out;
    }
}
