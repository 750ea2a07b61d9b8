package io.modelgate.scanner.hf;

import io.modelgate.scanner.facts.LicenseTextFact;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The "License" section of a model card (a Markdown heading named License or Licence and the text up to the next
 * heading of the same or a higher level): many cards state their license there rather than in the front matter.
 */
final class CardLicenseSection {

    private static final Pattern LICENSE_TITLE = Pattern.compile(
            "(?i)^(?:\\d+[.)]?\\s*)?(?:model\\s+)?licen[cs]e(?:\\s+(?:agreement|information|and\\s+.*))?[:.]?$");

    private CardLicenseSection() {
    }

    /** The section's heading and text, bounded by {@link LicenseTextFact#MAX_CHARS}; empty when there is none. */
    static Optional<LicenseTextFact> of(MarkdownSections markdown) {
        return markdown.first(LICENSE_TITLE, LicenseTextFact.MAX_CHARS)
                .map(section -> new LicenseTextFact(section.text(), section.truncated()));
    }
}
