package io.modelgate.cli.report;

import io.modelgate.testkit.RandomCases;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextColumnsTest {

    @Test
    void paddingIsWhatFormatWrites() {
        RandomCases.check(3_000, gen -> new Object[] {gen.string(20), gen.intBetween(0, 16)}, c -> {
            String value = (String) c[0];
            int width = (Integer) c[1];
            String expected = width == 0 ? value : String.format(Locale.ROOT, "%-" + width + "s", value);
            assertEquals(expected, TextColumns.padded(new StringBuilder(), value, width).toString());
        });
    }

    @Test
    void twoDecimalsAreWhatFormatWrites() {
        RandomCases.check(20_000, gen -> switch (gen.intBetween(0, 4)) {
            case 0 -> gen.intBetween(0, 100_000) / 1000.0;
            case 1 -> gen.intBetween(-2_000, 2_000) / 800.0;
            case 2 -> Double.longBitsToDouble(gen.anyLong());
            case 3 -> gen.intBetween(0, 1_000) * 0.005;
            default -> new double[] {0.0, -0.0, 0.125, 0.285, 1.005, -0.004, Double.NaN,
                    Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, 1e300}[gen.index(11)];
        }, value -> assertEquals(String.format(Locale.ROOT, "%.2f", value), TextColumns.twoDecimals(value),
                () -> "value " + value));
    }
}
