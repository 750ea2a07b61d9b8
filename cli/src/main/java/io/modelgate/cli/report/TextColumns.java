package io.modelgate.cli.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Column padding and fixed-point numbers for the text report, written out rather than through
 * {@code String.format}: the report has a dozen lines per model unit, and parsing a format string for each was most
 * of the time a report of thousands of units took.
 */
final class TextColumns {

    static final String NL = System.lineSeparator();

    private TextColumns() {
    }

    /** {@code value} then spaces up to {@code width} characters, as {@code %-Ns} (a longer value is kept whole). */
    static StringBuilder padded(StringBuilder out, Object value, int width) {
        int start = out.length();
        out.append(value);
        for (int i = out.length() - start; i < width; i++) {
            out.append(' ');
        }
        return out;
    }

    /** The number with two decimals, rounded half up from its shortest decimal form, as {@code %.2f} does. */
    static String twoDecimals(double value) {
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
        }
        String text = new BigDecimal(Double.toString(value)).setScale(2, RoundingMode.HALF_UP).toPlainString();
        // %.2f keeps the sign of a negative number that rounds to zero
        return value < 0 || (value == 0 && 1 / value < 0) ? negative(text) : text;
    }

    private static String negative(String text) {
        return text.startsWith("-") ? text : "-" + text;
    }
}
