package io.modelgate.scanner.hf;

import io.modelgate.scanner.facts.LicenseTextFact;
import io.modelgate.testkit.Gen;
import io.modelgate.testkit.RandomCases;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever a card holds, its License section is found without failing, bounded, and starts at its heading. */
class CardLicenseSectionPropertiesTest {

    @Test
    void anyCardGivesABoundedSectionThatStartsAtALicenseHeading() {
        RandomCases.check(300, CardLicenseSectionPropertiesTest::card, card -> {
            Optional<LicenseTextFact> section = CardBody.read(card).licenseSection();
            section.ifPresent(s -> {
                assertThat(s.excerpt().length()).isLessThanOrEqualTo(LicenseTextFact.MAX_CHARS);
                assertThat(s.excerpt()).startsWith("#");
                assertThat(s.excerpt().lines().findFirst().orElseThrow().toLowerCase()).containsPattern("licen[cs]e");
            });
        });
    }

    /** Up to 60 lines: headings real cards use, any text, or text made of heading characters. */
    private static String card(Gen gen) {
        return String.join("\n", gen.list(60, () -> gen.oneOf(
                () -> gen.of("# Model", "## License", "### Licence", "## Usage", "#License", "##  License ##",
                        "## 3. License", "License", "", "---", "## **License**"),
                () -> gen.string(80),
                () -> gen.string(30, "# Licens\n\r"))));
    }
}
