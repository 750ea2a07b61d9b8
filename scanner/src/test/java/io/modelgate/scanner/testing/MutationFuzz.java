package io.modelgate.scanner.testing;

import io.modelgate.scanner.FormatRegistry;
import io.modelgate.scanner.Limits;
import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.Deadline;
import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.io.ArrayByteSource;
import io.modelgate.scanner.model.ArtifactPath;

import java.io.IOException;
import java.time.Duration;
import java.util.Random;

/**
 * Feeds an analyser corrupted copies of a valid file (bytes flipped, fields overwritten with extreme
 * values, truncations). IOException is an allowed outcome (the engine marks the file incomplete);
 * any RuntimeException or Error escapes and fails the calling test.
 */
public final class MutationFuzz {

    private static final long[] EXTREMES = {0, 1, 0xff, 0xffff, 0x7fffffffL, 0xffffffffL, 1L << 40, 1L << 62,
            Long.MAX_VALUE, -1};

    private MutationFuzz() {
    }

    public static void run(FormatAnalyzer analyzer, byte[] valid, int rounds, long seed) {
        Random random = new Random(seed);
        Limits limits = Limits.defaults();
        var engine = FormatRegistry.engine(limits);
        for (int round = 0; round < rounds; round++) {
            byte[] bytes = mutate(valid, random);
            FileCollector collector = new FileCollector();
            AnalysisContext context = new AnalysisContext(ArtifactPath.of("fuzz"), limits, collector,
                    Deadline.after(Duration.ofSeconds(10)), engine);
            try {
                analyzer.analyze(new ArrayByteSource(bytes), context);
            } catch (IOException expected) {
                // reported as incomplete by the engine
            }
        }
    }

    private static byte[] mutate(byte[] valid, Random random) {
        byte[] bytes = valid.clone();
        int kind = random.nextInt(4);
        if (kind == 0) {
            return java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
        }
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(Math.min(bytes.length, random.nextBoolean() ? 2048 : bytes.length));
            if (kind == 1) {
                bytes[at] = (byte) random.nextInt(256);
            } else {
                long value = EXTREMES[random.nextInt(EXTREMES.length)];
                int width = kind == 2 ? 8 : 4;
                for (int b = 0; b < width && at + b < bytes.length; b++) {
                    bytes[at + b] = (byte) (value >>> (8 * b));
                }
            }
        }
        return bytes;
    }
}
