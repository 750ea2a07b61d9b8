package io.modelgate.cli.report;

import java.util.ArrayList;
import java.util.List;

/** Greedy word wrapping for terminal output. */
public final class TextWrap {

    private TextWrap() {
    }

    /** Words are separated by runs of the ASCII white space a regex's {@code \s} matches. */
    public static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int length = text.length();
        int start = 0;
        while (start < length) {
            while (start < length && isSpace(text.charAt(start))) {
                start++;
            }
            int end = start;
            while (end < length && !isSpace(text.charAt(end))) {
                end++;
            }
            if (end == start) {
                break;
            }
            int wordLength = end - start;
            if (line.length() > 0 && line.length() + 1 + wordLength > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(text, start, end);
            start = end;
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
