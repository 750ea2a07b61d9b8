package io.modelgate.scanner.pickle;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Parsing of the text arguments of protocol 0 opcodes the way Python reads them: {@code int(x, 0)},
 * {@code float(x)}, repr-quoted strings with backslash escapes, and raw-unicode-escape text.
 * Returns null (never throws) when Python would reject the text.
 */
final class PythonLiterals {

    /** Python refuses to convert longer decimal strings to int (sys.int_info.default_max_str_digits). */
    static final int MAX_INT_DIGITS = 4300;

    private PythonLiterals() {
    }

    /** {@code int(text, 0)}: optional sign, 0x/0o/0b prefixes, underscores between digits. */
    static BigInteger parseInt(String text) {
        if (isShortDecimal(text)) {
            return BigInteger.valueOf(Long.parseLong(text));   // what protocol 0 writes for memo keys and ints
        }
        String s = text.strip();
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        int radix = 10;
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("0x") || lower.startsWith("0o") || lower.startsWith("0b")) {
            radix = lower.charAt(1) == 'x' ? 16 : lower.charAt(1) == 'o' ? 8 : 2;
            s = s.substring(2);
            if (s.startsWith("_")) {
                s = s.substring(1);
            }
        }
        if (s.isEmpty() || s.length() > MAX_INT_DIGITS || s.startsWith("_") || s.endsWith("_") || s.contains("__")) {
            return null;
        }
        String digits = s.replace("_", "");
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), radix) < 0) {
                return null;
            }
        }
        BigInteger value = new BigInteger(digits, radix);
        return negative ? value.negate() : value;
    }

    /** {@code float(text)}, including inf and nan spellings. */
    static Double parseFloat(String text) {
        if (plainDecimal(text)) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        String s = text.strip().replace("_", "");
        String lower = s.toLowerCase(Locale.ROOT);
        String unsigned = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (unsigned.equals("nan")) {
            return Double.NaN;
        }
        if (unsigned.isEmpty() || !unsigned.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.' || c == 'e'
                || c == '-' || c == '+')) {
            return null;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Up to 18 decimal digits and nothing else: always a long. */
    private static boolean isShortDecimal(String text) {
        int length = text.length();
        if (length == 0 || length > 18) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code float(text)} accepts a text of digits, sign, point and exponent, without converting it:
     * an optional sign, digits with at most one point (at least one digit), then optionally {@code e} or
     * {@code E}, an optional sign and at least one digit. Python and Java accept the same such texts.
     */
    static boolean isPlainFloat(String text) {
        if (!plainDecimal(text)) {
            return false;
        }
        int i = 0;
        int length = text.length();
        if (text.charAt(i) == '+' || text.charAt(i) == '-') {
            i++;
        }
        int digits = 0;
        boolean point = false;
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i == length) {
            return true;
        }
        if (text.charAt(i) != 'e' && text.charAt(i) != 'E') {
            return false;
        }
        i++;
        if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int exponentStart = i;
        while (i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i == length && i > exponentStart;
    }

    /** Digits, sign, point and exponent only: what pickle writes, and what Java parses the same way. */
    private static boolean plainDecimal(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '-' || c == '+')) {
                return false;
            }
        }
        return true;
    }

    /**
     * The STRING argument: a string quoted with ' or " whose inside uses Python's backslash escapes
     * (codecs.escape_decode). Null when it is not quoted.
     */
    static byte[] unquote(byte[] line) {
        if (line.length < 2 || line[0] != line[line.length - 1] || (line[0] != '\'' && line[0] != '"')) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(line.length);
        int end = line.length - 1;
        for (int i = 1; i < end; i++) {
            int c = line[i] & 0xff;
            if (c != '\\') {
                out.write(c);
                continue;
            }
            if (i + 1 >= end) {
                return null;
            }
            int e = line[++i] & 0xff;
            switch (e) {
                case '\n' -> { }
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case 'r' -> out.write('\r');
                case 'a' -> out.write(7);
                case 'b' -> out.write(8);
                case 'f' -> out.write(12);
                case 'v' -> out.write(11);
                case '\\', '\'', '"' -> out.write(e);
                case 'x' -> {
                    int hi = i + 1 < end ? Character.digit(line[i + 1], 16) : -1;
                    int lo = i + 2 < end ? Character.digit(line[i + 2], 16) : -1;
                    if (hi < 0 || lo < 0) {
                        return null;
                    }
                    out.write(hi * 16 + lo);
                    i += 2;
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int value = e - '0';
                        for (int k = 0; k < 2 && i + 1 < end && line[i + 1] >= '0' && line[i + 1] <= '7'; k++) {
                            value = value * 8 + (line[++i] - '0');
                        }
                        out.write(value & 0xff);
                    } else {
                        out.write('\\');
                        out.write(e);
                    }
                }
            }
        }
        return out.toByteArray();
    }

    /** The UNICODE argument: latin-1 text where an unescaped backslash-u/U starts a code point escape. */
    static String rawUnicodeEscape(byte[] line) {
        StringBuilder out = new StringBuilder(line.length);
        int i = 0;
        while (i < line.length) {
            int c = line[i] & 0xff;
            if (c != '\\') {
                out.append((char) c);
                i++;
                continue;
            }
            int run = 0;
            while (i + run < line.length && line[i + run] == '\\') {
                run++;
            }
            int next = i + run < line.length ? line[i + run] : -1;
            boolean escape = (run % 2 == 1) && (next == 'u' || next == 'U');
            int literal = escape ? run - 1 : run;
            out.append("\\".repeat(literal));
            i += literal;
            if (!escape) {
                continue;
            }
            int digits = next == 'u' ? 4 : 8;
            if (i + 2 + digits > line.length) {
                return null;
            }
            String hex = new String(line, i + 2, digits, StandardCharsets.ISO_8859_1);
            int codePoint;
            try {
                long v = Long.parseLong(hex, 16);
                if (v > Character.MAX_CODE_POINT) {
                    return null;
                }
                codePoint = (int) v;
            } catch (NumberFormatException e) {
                return null;
            }
            out.appendCodePoint(codePoint);
            i += 2 + digits;
        }
        return out.toString();
    }
}
