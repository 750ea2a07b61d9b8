package io.modelgate.scanner.hf;

import io.modelgate.scanner.facts.LicenseTextFact;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever a card holds, its License section is found without failing, bounded, and starts at its heading. */
class CardLicenseSectionProperties {

    @Property(tries = 300, seed = "20261202")
    void anyCardGivesABoundedSectionThatStartsAtALicenseHeading(@ForAll("cards") String card) {
        Optional<LicenseTextFact> section = CardLicenseSection.of(card);
        section.ifPresent(s -> {
            assertThat(s.excerpt().length()).isLessThanOrEqualTo(LicenseTextFact.MAX_CHARS);
            assertThat(s.excerpt()).startsWith("#");
            assertThat(s.excerpt().lines().findFirst().orElseThrow().toLowerCase()).containsPattern("licen[cs]e");
        });
    }

    @Provide
    Arbitrary<String> cards() {
        Arbitrary<String> line = Arbitraries.oneOf(
                Arbitraries.of("# Model", "## License", "### Licence", "## Usage", "#License", "##  License ##",
                        "## 3. License", "License", "", "---", "## **License**"),
                Arbitraries.strings().ofMaxLength(80),
                Arbitraries.strings().withChars('#', ' ', 'L', 'i', 'c', 'e', 'n', 's', '\n', '\r').ofMaxLength(30));
        return line.list().ofMaxSize(60).map(lines -> String.join("\n", lines));
    }
}
