package io.modelgate.cli.report;

import io.modelgate.testkit.RandomCases;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextWrapTest {

    @Test
    void wrapsAtWordsWithinTheWidth() {
        assertEquals(List.of("one two", "three", "four"), TextWrap.wrap("  one two\tthree\n four  ", 8));
        assertEquals(List.of("averyveryverylongword", "x"), TextWrap.wrap("averyveryverylongword x", 8));
        assertEquals(List.of(), TextWrap.wrap(" \r\n\f\u000B ", 8));
    }

    @Test
    void wordsAreWhatARegexSplitAtWhiteSpaceFinds() {
        RandomCases.check(3_000, gen -> new Object[] {gen.string(120, "ab c\t\n\r\f\u000B\u00a0\u2003xyz"),
                gen.intBetween(1, 20)}, c -> {
            String text = (String) c[0];
            int width = (Integer) c[1];
            assertEquals(bySplit(text, width), TextWrap.wrap(text, width), () -> "text '" + text + "'");
        });
    }

    /** The same greedy wrap over the words of {@code split("\\s+")}. */
    private static List<String> bySplit(String text, int width) {
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String word : text.split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
                lines.add(line);
                line = "";
            }
            line = line.isEmpty() ? word : line + " " + word;
        }
        if (!line.isEmpty()) {
            lines.add(line);
        }
        return lines;
    }
}
