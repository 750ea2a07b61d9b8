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
        assertThat(CardBody.read(card).licenseSection()).map(LicenseTextFact::excerpt)
                .contains("## License\nApache License, Version 2.0\n### Note\nsub text\n");
    }

    @Test
    void licenceSpellingsNumbersAndEmphasisAreHeadingsToo() {
        assertThat(CardBody.read("## 7. License\nMIT\n").licenseSection()).isPresent();
        assertThat(CardBody.read("### **Licence**\nMIT\n").licenseSection()).isPresent();
        assertThat(CardBody.read("## License Agreement\nMIT\n").licenseSection()).isPresent();
    }

    @Test
    void otherHeadingsThatMentionALicenseAreNotTheSection() {
        assertThat(CardBody.read("## Why we chose this license for our tooling\nMIT\n").licenseSection()).isEmpty();
        assertThat(CardBody.read("License: MIT\n").licenseSection()).isEmpty();
        assertThat(CardBody.read("").licenseSection()).isEmpty();
    }

    @Test
    void aHugeSectionIsCutAndSaysSo() {
        String card = "## License\n" + "x".repeat(1000) + "\n" + ("line\n").repeat(LicenseTextFact.MAX_CHARS / 5 + 10);
        LicenseTextFact fact = CardBody.read(card).licenseSection().orElseThrow();
        assertThat(fact.truncated()).isTrue();
        assertThat(fact.excerpt().length()).isLessThanOrEqualTo(LicenseTextFact.MAX_CHARS);
    }
}
