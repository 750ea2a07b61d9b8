package io.modelgate.scanner.safetensors;

import io.modelgate.scanner.analysis.FormatProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;

/**
 * Checks the byte ranges of a header against the data section the way the reference loader does:
 * every range sized by shape and dtype (overflow-checked), inside the section, sorted ranges
 * contiguous from 0 with no overlap or gap, and the section entirely covered.
 */
final class TensorLayoutCheck {

    private TensorLayoutCheck() {
    }

    static List<FormatProblem> check(SafetensorsHeader header) {
        List<FormatProblem> problems = new ArrayList<>();
        long base = header.dataStart();
        for (TensorEntry t : header.tensors()) {
            checkSize(t, base, problems);
        }
        List<TensorEntry> sorted = new ArrayList<>(header.tensors());
        sorted.sort(Comparator.comparingLong(TensorEntry::begin).thenComparingLong(TensorEntry::end));
        long covered = 0;
        String previous = null;
        for (TensorEntry t : sorted) {
            if (t.end() < t.begin()) {
                continue;
            }
            if (t.end() > header.dataLength()) {
                problems.add(new FormatProblem(SafetensorsRules.BAD_LAYOUT, base + t.begin(), t.name(),
                        "byte range [" + t.begin() + ", " + t.end() + ") runs past the " + header.dataLength()
                                + "-byte data section"));
            }
            if (t.begin() > covered) {
                problems.add(new FormatProblem(SafetensorsRules.BAD_LAYOUT, base + covered, t.name(),
                        (t.begin() - covered) + " bytes before this tensor belong to no tensor (gap at " + covered + ")"));
            } else if (t.begin() < covered) {
                problems.add(new FormatProblem(SafetensorsRules.BAD_LAYOUT, base + t.begin(), t.name(),
                        "byte range [" + t.begin() + ", " + t.end() + ") overlaps tensor '" + previous + "'"));
            }
            if (t.end() >= covered) {
                covered = t.end();
                previous = t.name();
            }
        }
        if (covered < header.dataLength()) {
            problems.add(new FormatProblem(SafetensorsRules.BAD_LAYOUT, base + covered, "trailing data",
                    (header.dataLength() - covered) + " bytes at the end of the data section belong to no tensor"));
        }
        return problems;
    }

    private static void checkSize(TensorEntry t, long base, List<FormatProblem> problems) {
        if (t.end() < t.begin()) {
            problems.add(new FormatProblem(SafetensorsRules.BAD_LAYOUT, base + t.begin(), t.name(),
                    "data_offsets end " + t.end() + " is before begin " + t.begin()));
            return;
        }
        OptionalInt bits = SafetensorsDtype.bits(t.dtype());
        if (bits.isEmpty()) {
            problems.add(new FormatProblem(SafetensorsRules.UNKNOWN_DTYPE, base + t.begin(), t.name(),
                    "dtype '" + t.dtype() + "' is unknown; the tensor's size was not checked"));
            return;
        }
        long elements = t.elements();
        long totalBits;
        try {
            totalBits = elements < 0 ? -1 : Math.multiplyExact(elements, (long) bits.getAsInt());
        } catch (ArithmeticException e) {
            totalBits = -1;
        }
        if (totalBits < 0) {
            problems.add(new FormatProblem(SafetensorsRules.BAD_LAYOUT, base + t.begin(), t.name(),
                    "shape " + java.util.Arrays.toString(t.shape()) + " of " + t.dtype() + " overflows 64-bit sizes"));
        } else if (totalBits % 8 != 0) {
            problems.add(new FormatProblem(SafetensorsRules.BAD_LAYOUT, base + t.begin(), t.name(),
                    "shape " + java.util.Arrays.toString(t.shape()) + " of " + t.dtype() + " is not a whole number of bytes"));
        } else if (totalBits / 8 != t.byteLength()) {
            problems.add(new FormatProblem(SafetensorsRules.BAD_LAYOUT, base + t.begin(), t.name(),
                    "shape " + java.util.Arrays.toString(t.shape()) + " of " + t.dtype() + " needs " + totalBits / 8
                            + " bytes but data_offsets span " + t.byteLength()));
        }
    }

    /** Sum of element counts over tensors, saturating at Long.MAX_VALUE (hostile shapes). */
    static long parameterCount(List<TensorEntry> tensors) {
        long sum = 0;
        for (TensorEntry t : tensors) {
            long n = t.elements();
            if (n < 0 || sum > Long.MAX_VALUE - n) {
                return Long.MAX_VALUE;
            }
            sum += n;
        }
        return sum;
    }
}
