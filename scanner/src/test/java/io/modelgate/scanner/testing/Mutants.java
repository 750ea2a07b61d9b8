package io.modelgate.scanner.testing;

import io.modelgate.testkit.Gen;
import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.model.FileStatus;

import java.util.Arrays;

/**
 * Mutations of a valid file for property tests of hostile-input readers: bit flips, bytes overwritten,
 * length and count fields set to extremes, truncation, inserted and appended bytes.
 */
public final class Mutants {

    /** One mutation; {@link #apply} makes the mutant from the original bytes. */
    public record Mutation(Kind kind, double where, long value, byte[] bytes) {

        public byte[] apply(byte[] original) {
            int at = (int) Math.min(original.length - 1L, (long) (where * original.length));
            return switch (kind) {
                case FLIP -> {
                    byte[] b = original.clone();
                    b[at] ^= (byte) (1 << (value & 7));
                    yield b;
                }
                case SET_BYTE -> {
                    byte[] b = original.clone();
                    b[at] = (byte) value;
                    yield b;
                }
                case EXTREME_U32, EXTREME_U64 -> {
                    byte[] b = original.clone();
                    int width = kind == Kind.EXTREME_U32 ? 4 : 8;
                    for (int i = 0; i < width && at + i < b.length; i++) {
                        b[at + i] = (byte) (value >>> (8 * i));
                    }
                    yield b;
                }
                case TRUNCATE -> Arrays.copyOf(original, at);
                case INSERT -> {
                    byte[] b = new byte[original.length + bytes.length];
                    System.arraycopy(original, 0, b, 0, at);
                    System.arraycopy(bytes, 0, b, at, bytes.length);
                    System.arraycopy(original, at, b, at + bytes.length, original.length - at);
                    yield b;
                }
                case APPEND -> {
                    byte[] b = Arrays.copyOf(original, original.length + bytes.length);
                    System.arraycopy(bytes, 0, b, original.length, bytes.length);
                    yield b;
                }
            };
        }

        @Override
        public String toString() {
            return kind + " at " + where + " value " + value + " bytes " + bytes.length;
        }
    }

    public enum Kind { FLIP, SET_BYTE, EXTREME_U32, EXTREME_U64, TRUNCATE, INSERT, APPEND }

    private static final java.util.List<Long> EXTREMES = java.util.List.of(0L, 1L, 0xffL, 0xffffL, 0x7fffffffL,
            0xffffffffL, 1L << 40, 1L << 62, Long.MAX_VALUE, -1L);

    private Mutants() {
    }

    /**
     * A mutation biased to the first bytes (three times in four), where headers, lengths and counts sit. The
     * place is a fraction with two decimals: 0 to 5% of the length in steps of 1%, or anywhere in steps of 1%.
     */
    public static Mutation mutation(Gen gen) {
        Kind kind = gen.of(Kind.values());
        double where = gen.index(4) < 3 ? gen.doubleBetween(0, 0.05, 2) : gen.doubleBetween(0, 1, 2);
        long value = gen.bool() ? gen.of(EXTREMES) : gen.longBetween(0, 255);
        return new Mutation(kind, where, value, gen.bytes(1, 64));
    }

    /** The status the scanner gives a file from what its analysis gathered. */
    public static FileStatus status(FileCollector scan) {
        return FileStatus.decide(false, !scan.incompleteReasons().isEmpty(), scan.findings(), scan.wasAnalysed());
    }

    /** Empty or zero bytes only: the one kind of file named like a model that is skipped. */
    public static boolean allZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The fail-closed property of one mutant's scan: never an error, skipped only when nothing but zero bytes
     * is left, and clean only when {@code specification} (an independent reading of the format) accepts it.
     */
    public static void assertFailsClosed(io.modelgate.scanner.analysis.FileCollector scan, byte[] mutant,
                                         java.util.function.Predicate<byte[]> specification) {
        FileStatus status = status(scan);
        org.assertj.core.api.Assertions.assertThat(status).isNotEqualTo(FileStatus.ERROR);
        if (status == FileStatus.SKIPPED) {
            org.assertj.core.api.Assertions.assertThat(allZero(mutant))
                    .as("only a mutant that can carry nothing is skipped").isTrue();
        }
        if (status == FileStatus.CLEAN) {
            org.assertj.core.api.Assertions.assertThat(specification.test(mutant))
                    .as("a clean mutant is one the specification accepts").isTrue();
        }
    }

    /** A committed fixture's bytes, {@code fixtures/FOLDER/NAME}. */
    public static byte[] fixture(String folder, String name) {
        try {
            return java.nio.file.Files.readAllBytes(java.nio.file.Path.of("..", "fixtures", folder, name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
