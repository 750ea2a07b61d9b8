package io.modelgate.scanner.hf;

import io.modelgate.scanner.facts.LicenseTextFact;
import io.modelgate.scanner.facts.ModelCardFact.CardUses;

import java.util.Optional;

/**
 * What the Markdown body of a model card (or a README) declares: its title, its use and limitation sections and
 * its license section. The body is split into lines and its headings found once for all three.
 *
 * @param title          the first {@code # } heading, a weak declaration of the model's name; null if none
 * @param uses           the intended-use, out-of-scope, limitation and risk excerpts
 * @param licenseSection the License section, when there is one
 */
public record CardBody(String title, CardUses uses, Optional<LicenseTextFact> licenseSection) {

    public static CardBody read(String markdown) {
        MarkdownSections sections = new MarkdownSections(markdown);
        return new CardBody(CardTitle.of(sections), CardUseSections.of(sections), CardLicenseSection.of(sections));
    }
}
