package io.modelgate.scanner.hf;

import io.modelgate.scanner.facts.LicenseTextFact;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "License" section of a model card (a Markdown heading named License or Licence and the text up to the next
 * heading of the same or a higher level): many cards state their license there rather than in the front matter.
 */
public final class CardLicenseSection {

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern LICENSE_TITLE = Pattern.compile(
            "(?i)^(?:\\d+[.)]?\\s*)?(?:model\\s+)?licen[cs]e(?:\\s+(?:agreement|information|and\\s+.*))?[:.]?$");
    /** Sections further down than this are not looked for: cards state their license well before. */
    private static final int MAX_LINES = 20_000;

    private CardLicenseSection() {
    }

    /** The section's heading and text, bounded by {@link LicenseTextFact#MAX_CHARS}; empty when there is none. */
    public static Optional<LicenseTextFact> of(String markdown) {
        String[] lines = markdown.split("\n", MAX_LINES + 1);
        int limit = Math.min(lines.length, MAX_LINES);
        for (int i = 0; i < limit; i++) {
            Matcher heading = HEADING.matcher(lines[i]);
            if (!heading.matches() || !LICENSE_TITLE.matcher(heading.group(2).replace("*", "").trim()).matches()) {
                continue;
            }
            int level = heading.group(1).length();
            StringBuilder text = new StringBuilder(lines[i]).append('\n');
            int j = i + 1;
            boolean full = false;
            for (; j < limit; j++) {
                Matcher next = HEADING.matcher(lines[j]);
                if (next.matches() && next.group(1).length() <= level) {
                    break;
                }
                if (text.length() + lines[j].length() + 1 > LicenseTextFact.MAX_CHARS) {
                    full = true;
                    break;
                }
                text.append(lines[j]).append('\n');
            }
            // Cut by the size bound, or by the line bound with more of the card left unread.
            boolean truncated = full || j == limit && lines.length > limit;
            return Optional.of(new LicenseTextFact(text.toString(), truncated));
        }
        return Optional.empty();
    }
}
