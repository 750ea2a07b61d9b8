package io.modelgate.scanner.hf;

import io.modelgate.scanner.facts.LicenseTextFact;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A card's License section is its heading and text up to the next heading of the same or a higher level. */
class CardLicenseSectionTest {

    @Test
    void theSectionEndsAtTheNextHeadingOfItsLevel() {
        String card = "# Model\n\n## Usage\ntext\n\n## License\nApache License, Version 2.0\n### Note\nsub text\n"
                + "## Citation\n@misc{}\n";
        assertThat(CardLicenseSection.of(card)).map(LicenseTextFact::excerpt)
                .contains("## License\nApache License, Version 2.0\n### Note\nsub text\n");
    }

    @Test
    void licenceSpellingsNumbersAndEmphasisAreHeadingsToo() {
        assertThat(CardLicenseSection.of("## 7. License\nMIT\n")).isPresent();
        assertThat(CardLicenseSection.of("### **Licence**\nMIT\n")).isPresent();
        assertThat(CardLicenseSection.of("## License Agreement\nMIT\n")).isPresent();
    }

    @Test
    void otherHeadingsThatMentionALicenseAreNotTheSection() {
        assertThat(CardLicenseSection.of("## Why we chose this license for our tooling\nMIT\n")).isEmpty();
        assertThat(CardLicenseSection.of("License: MIT\n")).isEmpty();
        assertThat(CardLicenseSection.of("")).isEmpty();
    }

    @Test
    void aHugeSectionIsCutAndSaysSo() {
        String card = "## License\n" + "x".repeat(1000) + "\n" + ("line\n").repeat(LicenseTextFact.MAX_CHARS / 5 + 10);
        LicenseTextFact fact = CardLicenseSection.of(card).orElseThrow();
        assertThat(fact.truncated()).isTrue();
        assertThat(fact.excerpt().length()).isLessThanOrEqualTo(LicenseTextFact.MAX_CHARS);
    }
}
