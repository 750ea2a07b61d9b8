package io.modelgate.scanner.pickle;

import io.modelgate.testkit.RandomCases;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PythonLiteralsTest {

    @Test
    void aPlainFloatIsATextJavaConvertsAndConvertsToTheSameValue() {
        RandomCases.check(20_000, gen -> gen.oneOf(
                () -> gen.string(12, "0123456789.eE+-"),
                () -> gen.of("", "-", "+", "-1.5e-3") + gen.string(6, "0123456789") + gen.of("", ".", "e", "E+", "e-")
                        + gen.string(4, "0123456789")), text -> {
            Double java = converted(text);
            assertEquals(java != null, PythonLiterals.isPlainFloat(text), () -> "'" + text + "'");
            assertEquals(java, PythonLiterals.parseFloat(text), () -> "'" + text + "'");
            if (java != null) {
                assertEquals(java, PickleValue.Float.ofDecimal(text).value(), () -> "'" + text + "'");
            }
        });
    }

    @Test
    void textsBeyondPlainDecimalsAreLeftToTheFullConversion() {
        assertFalse(PythonLiterals.isPlainFloat(" 1.5"));
        assertFalse(PythonLiterals.isPlainFloat("1_000.5"));
        assertFalse(PythonLiterals.isPlainFloat("inf"));
        assertEquals(1000.5, PythonLiterals.parseFloat("1_000.5"));
        assertEquals(Double.NEGATIVE_INFINITY, PythonLiterals.parseFloat("-Infinity"));
        assertTrue(PythonLiterals.isPlainFloat("1.e5"));
        assertNull(PythonLiterals.parseFloat("1e5d"));
    }

    @Test
    void shortDecimalIntegersReadAsTheGeneralParserReadsThem() {
        RandomCases.check(5_000, gen -> gen.oneOf(
                () -> gen.string(20, "0123456789"),
                () -> Long.toString(gen.anyLong()),
                () -> gen.string(4, "0123456789") + gen.of("", "_", " ", "x") + gen.string(3, "0123456789")), text -> {
            BigInteger expected;
            try {
                expected = text.chars().allMatch(c -> c >= '0' && c <= '9') ? new BigInteger(text) : null;
            } catch (NumberFormatException e) {
                expected = null;
            }
            if (expected != null) {
                assertEquals(expected, PythonLiterals.parseInt(text), () -> "'" + text + "'");
            }
        });
        assertEquals(BigInteger.valueOf(-12), PythonLiterals.parseInt(" -12 "));
        assertEquals(BigInteger.valueOf(1000), PythonLiterals.parseInt("1_000"));
        assertEquals(new BigInteger("1234567890123456789012"), PythonLiterals.parseInt("1234567890123456789012"));
    }

    private static Double converted(String text) {
        try {
            return text.isEmpty() ? null : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
