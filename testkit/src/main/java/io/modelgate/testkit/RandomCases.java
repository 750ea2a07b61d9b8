package io.modelgate.testkit;

import java.util.Arrays;

/**
 * Fixed-seed property checks in plain JUnit 5: a property is checked on many generated cases, each drawn
 * from its own random stream, so a failure names the one case (index and seed) that reproduces it.
 * The seed is fixed so CI is repeatable; system properties widen a run:
 * {@code -Dmodelgate.cases=20000} (cases per property), {@code -Dmodelgate.seed=N} (other inputs),
 * {@code -Dmodelgate.case=I} (only case I, to reproduce a failure).
 */
public final class RandomCases {

    /** The seed of every property test. */
    public static final long SEED = 20261202L;

    private static final int MAX_DESCRIPTION = 300;

    /** Makes one case from the random stream of that case. */
    @FunctionalInterface
    public interface Generator<T> {
        T next(Gen gen) throws Exception;
    }

    /** The property; it fails by throwing (an assertion or any other exception). */
    @FunctionalInterface
    public interface Property<T> {
        void check(T value) throws Exception;
    }

    private RandomCases() {
    }

    /** Checks {@code property} on {@code cases} values made by {@code generator}; stops at the first failure. */
    public static <T> void check(int cases, Generator<T> generator, Property<T> property) {
        run(Long.getLong("modelgate.seed", SEED), Integer.getInteger("modelgate.cases", cases),
                Integer.getInteger("modelgate.case"), generator, property);
    }

    /** Runs cases 0 to {@code count - 1}, or only case {@code only} when it is given. */
    static <T> void run(long seed, int count, Integer only, Generator<T> generator, Property<T> property) {
        int from = only == null ? 0 : only;
        int to = only == null ? count : only + 1;
        for (int index = from; index < to; index++) {
            T value = null;
            try {
                value = generator.next(new Gen(caseSeed(seed, index)));
                property.check(value);
            } catch (Exception | AssertionError e) {
                throw new AssertionError("case " + index + " of " + count + " (seed " + seed
                        + ", rerun alone with -Dmodelgate.case=" + index + ") failed on " + describe(value)
                        + ": " + e, e);
            }
        }
    }

    /** Well-spread seeds for neighbouring cases (the SplitMix64 finalizer), as java.util.Random is weak there. */
    static long caseSeed(long seed, int index) {
        long z = seed + (index + 1L) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static String describe(Object value) {
        String text;
        if (value instanceof byte[] bytes) {
            text = bytes.length + " bytes " + Arrays.toString(bytes);
        } else if (value instanceof String s) {
            StringBuilder quoted = new StringBuilder("\"");
            s.chars().forEach(c -> quoted.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c)
                    : String.format("\\u%04x", c)));
            text = quoted.append('"').toString();
        } else {
            text = String.valueOf(value);
        }
        return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION) + "...";
    }
}
