package io.modelgate.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The random source of one property case. Numbers and sizes meet their bounds more often than uniform
 * draws would (bugs sit at edges); text mixes ASCII with any UTF-16 unit, lone surrogates included.
 */
public final class Gen {

    private static final int EDGE_ODDS = 16;
    private static final int SHORT = 8;

    private final Random random;

    Gen(long seed) {
        this.random = new Random(seed);
    }

    /** An int in [min, max]: either bound one time in eight, else uniform. */
    public int intBetween(int min, int max) {
        return (int) longBetween(min, max);
    }

    /** A long in [min, max]: either bound one time in eight, else uniform. */
    public long longBetween(long min, long max) {
        int pick = random.nextInt(EDGE_ODDS);
        if (pick == 0) {
            return min;
        }
        if (pick == 1) {
            return max;
        }
        long span = max - min + 1;
        return span <= 0 ? random.nextLong() : min + Math.floorMod(random.nextLong(), span);
    }

    /** Any long, small magnitudes as likely as large ones (a bit width is drawn first). */
    public long anyLong() {
        int bits = random.nextInt(65);
        long magnitude = bits == 0 ? 0 : random.nextLong() >>> (64 - bits);
        return random.nextBoolean() ? magnitude : -magnitude;
    }

    /** A double in [min, max], either bound one time in eight. */
    public double doubleBetween(double min, double max) {
        int pick = random.nextInt(EDGE_ODDS);
        if (pick == 0) {
            return min;
        }
        if (pick == 1) {
            return max;
        }
        return min + random.nextDouble() * (max - min);
    }

    /** A double in [min, max] with at most {@code decimals} decimal places, either bound one time in eight. */
    public double doubleBetween(double min, double max, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.min(max, Math.max(min, Math.rint(doubleBetween(min, max) * scale) / scale));
    }

    public boolean bool() {
        return random.nextBoolean();
    }

    public byte anyByte() {
        return (byte) random.nextInt(256);
    }

    /** A random index below {@code bound}, uniform. */
    public int index(int bound) {
        return random.nextInt(bound);
    }

    /** A size in [min, max]: often at a bound or short, as hostile-input bugs hide there, else uniform. */
    public int size(int min, int max) {
        int pick = random.nextInt(EDGE_ODDS);
        if (pick == 0) {
            return min;
        }
        if (pick == 1) {
            return max;
        }
        if (pick < 6) {
            return min + random.nextInt(Math.min(max - min, SHORT) + 1);
        }
        return min + random.nextInt(max - min + 1);
    }

    public byte[] bytes(int minSize, int maxSize) {
        byte[] bytes = new byte[size(minSize, maxSize)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Any UTF-16 text up to {@code maxLength} units: a quarter ASCII, the rest any unit. */
    public String string(int maxLength) {
        char[] chars = new char[size(0, maxLength)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = random.nextInt(4) == 0 ? (char) random.nextInt(0x80) : (char) random.nextInt(0x10000);
        }
        return new String(chars);
    }

    /** Text up to {@code maxLength} chars taken from {@code alphabet}. */
    public String string(int maxLength, String alphabet) {
        char[] chars = new char[size(0, maxLength)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return new String(chars);
    }

    @SafeVarargs
    public final <T> T of(T... values) {
        return values[random.nextInt(values.length)];
    }

    public <T> T of(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** The value of one of the generators, each as likely. */
    @SafeVarargs
    public final <T> T oneOf(Supplier<? extends T>... generators) {
        return generators[random.nextInt(generators.length)].get();
    }

    public <T> List<T> list(int maxSize, Supplier<T> element) {
        int size = size(0, maxSize);
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(element.get());
        }
        return list;
    }
}
