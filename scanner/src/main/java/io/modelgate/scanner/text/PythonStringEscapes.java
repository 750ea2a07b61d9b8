package io.modelgate.scanner.text;

/**
 * Decodes the backslash escapes of Python string literals (also what Jinja accepts): unknown escapes
 * stay as written, invalid hex escapes are kept literally.
 */
public final class PythonStringEscapes {

    /** The longest Unicode character name is under 90 characters. */
    private static final int MAX_NAME_CHARS = 128;

    private PythonStringEscapes() {
    }

    public static String unescape(String raw) {
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c != '\\' || i + 1 >= raw.length()) {
                out.append(c);
                i++;
                continue;
            }
            char e = raw.charAt(i + 1);
            i += 2;
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'v' -> out.append('\u000b');
                case '\\', '\'', '"' -> out.append(e);
                case '\n' -> { }
                case 'x' -> i = hex(raw, i, 2, out, "\\x");
                case 'u' -> i = hex(raw, i, 4, out, "\\u");
                case 'U' -> i = hex(raw, i, 8, out, "\\U");
                case 'N' -> i = named(raw, i, out);
                default -> {
                    if (e >= '0' && e <= '7') {
                        i = octal(raw, i - 1, out);
                    } else {
                        out.append('\\').append(e);
                    }
                }
            }
        }
        return out.toString();
    }

    private static int hex(String raw, int at, int digits, StringBuilder out, String prefix) {
        if (at + digits > raw.length()) {
            out.append(prefix);
            return at;
        }
        try {
            int cp = Integer.parseUnsignedInt(raw.substring(at, at + digits), 16);
            if (Character.isValidCodePoint(cp)) {
                out.appendCodePoint(cp);
                return at + digits;
            }
        } catch (NumberFormatException ignored) {
            // not an escape: kept literally, as Python would fail and Jinja would not render it
        }
        out.append(prefix);
        return at;
    }

    /** {@code \N{LOW LINE}}: a character by its Unicode name (case-insensitive, as Python accepts it). */
    private static int named(String raw, int at, StringBuilder out) {
        int close = at < raw.length() && raw.charAt(at) == '{' ? raw.indexOf('}', at) : -1;
        if (close < 0 || close - at > MAX_NAME_CHARS) {
            out.append("\\N");
            return at;
        }
        try {
            out.appendCodePoint(Character.codePointOf(raw.substring(at + 1, close)));
            return close + 1;
        } catch (IllegalArgumentException e) {
            out.append("\\N");
            return at;
        }
    }

    private static int octal(String raw, int at, StringBuilder out) {
        int end = at;
        while (end < raw.length() && end < at + 3 && raw.charAt(end) >= '0' && raw.charAt(end) <= '7') {
            end++;
        }
        out.append((char) Integer.parseInt(raw.substring(at, end), 8));
        return end;
    }
}
