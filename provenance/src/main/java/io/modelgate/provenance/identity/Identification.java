package io.modelgate.provenance.identity;

import java.util.List;
import java.util.Map;

/**
 * What the evidence says a unit is.
 *
 * @param family             the family the unit belongs to, null when not identified
 * @param generation         its generation, null when not known
 * @param architectureFamily the family of the body (weights, layout, vocabulary)
 * @param tokenizerFamily    the family of the tokenizer and chat format
 * @param architectureGeneration generation of the body family, when known
 * @param distill            true when body and tokenizer come from different families
 * @param confidence         0 to 1
 * @param detected           per family, how strongly the traits alone (no declarations) point at it
 * @param evidence           every fact that supports or contradicts the verdict
 * @param declarations       what the unit's metadata declares
 * @param claimFamilies      per claim, the families it names
 */
record Identification(String family, String generation, String architectureFamily, String tokenizerFamily,
                      String architectureGeneration, boolean distill, double confidence, Map<String, Double> detected,
                      List<Evidence> evidence, Declarations declarations, Map<Claim, java.util.Set<String>> claimFamilies) {

    double detected(String familyId) {
        return familyId == null ? 0 : detected.getOrDefault(familyId, 0.0);
    }
}
