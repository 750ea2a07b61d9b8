package io.modelgate.provenance.identity;

import io.modelgate.provenance.license.LicenseVerdict;

import java.util.List;

/**
 * What ModelGate established about one model unit.
 *
 * @param path               the unit (folder or file) as shown in reports
 * @param kind               how it is packaged
 * @param name               the name it goes by, when it declares one
 * @param family             family id, null when not identified
 * @param generation         generation id, null when not known
 * @param publisher          the organisation that publishes the family
 * @param country            ISO 3166-1 alpha-2 code of the publisher
 * @param architectureFamily family of the body (weights, layout, vocabulary)
 * @param tokenizerFamily    family of the tokenizer and chat format
 * @param baseModels         the base chain, nearest first
 * @param confidence         0 to 1
 * @param evidence           facts that support or contradict the verdict
 * @param license            the license verdict
 */
public record ModelProvenance(String path, UnitKind kind, String name, String family, String generation,
                              String publisher, String country, String architectureFamily, String tokenizerFamily,
                              List<BaseModel> baseModels, double confidence, List<Evidence> evidence,
                              LicenseVerdict license) {

    public ModelProvenance {
        baseModels = List.copyOf(baseModels);
        evidence = List.copyOf(evidence);
    }
}
