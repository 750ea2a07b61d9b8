package io.modelgate.scanner.hf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a section of a Markdown document by its heading: the heading line and the text up to the next heading of
 * the same or a higher level, bounded in characters and in the lines looked at.
 */
final class MarkdownSections {

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    /** Sections further down than this are not looked for: cards state what matters well before. */
    static final int MAX_LINES = 20_000;

    /** A section's text (its heading line first) and whether a bound cut it. */
    record Section(String heading, String text, boolean truncated) {

        /** The text after the heading line. */
        String body() {
            int newline = text.indexOf('\n');
            return newline < 0 ? "" : text.substring(newline + 1);
        }
    }

    /** A heading line: where it stands, its level and its name with emphasis removed. */
    private record Heading(int line, int level, String name) {
    }

    private final String[] lines;
    private final int limit;
    /** The headings in document order, found once: a card is searched for several sections. */
    private final List<Heading> headings = new ArrayList<>();

    MarkdownSections(String markdown) {
        this.lines = markdown.split("\n", MAX_LINES + 1);
        this.limit = Math.min(lines.length, MAX_LINES);
        for (int i = 0; i < limit; i++) {
            Matcher heading = HEADING.matcher(lines[i]);
            if (heading.matches()) {
                headings.add(new Heading(i, heading.group(1).length(),
                        heading.group(2).replace("*", "").replace("_", " ").trim()));
            }
        }
    }

    /** The text of the first line starting with {@code "# "} within the first {@code maxLines} lines, or null. */
    String firstTitleLine(int maxLines) {
        for (int i = 0; i < Math.min(limit, maxLines); i++) {
            if (lines[i].startsWith("# ")) {
                return lines[i].substring(2);
            }
        }
        return null;
    }

    /** The first section whose heading (emphasis removed) matches {@code title}, at most {@code maxChars} long. */
    Optional<Section> first(Pattern title, int maxChars) {
        for (int h = 0; h < headings.size(); h++) {
            Heading heading = headings.get(h);
            if (!title.matcher(heading.name()).matches()) {
                continue;
            }
            int i = heading.line();
            int end = limit;
            for (int k = h + 1; k < headings.size(); k++) {
                if (headings.get(k).level() <= heading.level()) {
                    end = headings.get(k).line();
                    break;
                }
            }
            StringBuilder text = new StringBuilder(lines[i]).append('\n');
            int j = i + 1;
            boolean full = false;
            for (; j < end; j++) {
                if (text.length() + lines[j].length() + 1 > maxChars) {
                    // The part of the line that fits: one long line is a whole paragraph in many cards.
                    text.append(lines[j], 0, Math.max(0, maxChars - text.length()));
                    full = true;
                    break;
                }
                text.append(lines[j]).append('\n');
            }
            // Cut by the size bound, or by the line bound with more of the document left unread.
            boolean truncated = full || j == limit && lines.length > limit;
            return Optional.of(new Section(heading.name(), text.toString(), truncated));
        }
        return Optional.empty();
    }
}
