package io.modelgate.scanner.model;

/**
 * Keeps report text on one line: names taken from hostile files (archive entries, pickle globals) may carry
 * line breaks and other control characters, which would forge lines in a text report or a CI log. They are
 * shown escaped, as Python would write them.
 */
public final class OneLine {

    private OneLine() {
    }

    public static String of(String text) {
        if (text == null || text.chars().noneMatch(OneLine::isControl)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.chars().forEach(c -> {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (isControl(c)) {
                        out.append(String.format(c > 0xff ? "\\u%04x" : "\\x%02x", c));
                    } else {
                        out.append((char) c);
                    }
                }
            }
        });
        return out.toString();
    }

    private static boolean isControl(int c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029;
    }
}
