package io.modelgate.provenance.license;

import io.modelgate.provenance.kb.KnowledgeBase;
import io.modelgate.provenance.kb.LicenseDef;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Identifies a license from its text, never from the file name: a title near the start of the text (how
 * licenses name themselves), or enough characteristic clauses anywhere in it. Phrases that rule a license
 * out (BSD-3's endorsement clause for BSD-2) are honoured. The most specific match wins.
 */
public final class LicenseTextMatcher {

    /** Titles are looked for in the opening of the text, where licenses name themselves. */
    static final int TITLE_WINDOW = 1_500;
    /** Texts longer than this are cut: every known license identifies itself well before. */
    static final int MAX_TEXT_CHARS = 400_000;

    /** A text identified as a license, and how. */
    public record TextMatch(LicenseDef license, String how) {
    }

    /** A title candidate ranks by how early the title stands (lower first), a clause candidate after all titles. */
    private record Candidate(LicenseDef license, String how, int position, int strength) {
    }

    private final List<LicenseDef> licenses;

    public LicenseTextMatcher(KnowledgeBase kb) {
        this.licenses = kb.licenses();
    }

    public Optional<TextMatch> identify(String text) {
        String body = LicenseText.normalize(text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text);
        String head = body.length() > TITLE_WINDOW ? body.substring(0, TITLE_WINDOW) : body;
        List<Candidate> candidates = new ArrayList<>();
        for (LicenseDef license : licenses) {
            if (license.excludes().stream().anyMatch(x -> body.contains(LicenseText.normalize(x)))) {
                continue;
            }
            for (String title : license.titles()) {
                String normalized = LicenseText.normalize(title);
                int at = normalized.isEmpty() ? -1 : head.indexOf(normalized);
                if (at >= 0) {
                    candidates.add(new Candidate(license, "title \"" + title + "\"", at, normalized.length()));
                }
            }
            long hits = license.phrases().stream().map(LicenseText::normalize)
                    .filter(p -> !p.isEmpty() && body.contains(p)).count();
            if (license.minPhrases() > 0 && hits >= license.minPhrases()) {
                candidates.add(new Candidate(license, hits + " characteristic clauses", Integer.MAX_VALUE, (int) hits));
            }
        }
        // A license names itself first: a custom license that cites a standard one ("based on the Apache
        // License, Version 2.0") is the custom one. Among titles at one place, the longer is the more specific.
        return candidates.stream().min(Comparator.comparingInt(Candidate::position)
                        .thenComparing(Comparator.comparingInt(Candidate::strength).reversed()))
                .map(c -> new TextMatch(c.license(), c.how()));
    }
}
