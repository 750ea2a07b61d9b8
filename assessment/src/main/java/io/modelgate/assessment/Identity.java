package io.modelgate.assessment;

import io.modelgate.provenance.identity.BaseModel;
import io.modelgate.provenance.identity.Evidence;

import java.util.List;

/**
 * What a model is and who publishes it, as the provenance engine established from the unit's facts.
 *
 * @param family             family id of the knowledge base, null when not identified
 * @param generation         generation id, null when not known
 * @param publisher          the organisation that publishes the family
 * @param country            ISO 3166-1 alpha-2 code of the publisher's country
 * @param architectureFamily family of the body (weights, layout, vocabulary)
 * @param tokenizerFamily    family of the tokenizer and chat format
 * @param baseModels         the base chain, nearest first
 * @param confidence         0 to 1
 * @param evidence           facts that support or contradict the verdict, each naming its source
 */
public record Identity(String family, String generation, String publisher, String country, String architectureFamily,
                       String tokenizerFamily, List<BaseModel> baseModels, double confidence,
                       List<Evidence> evidence) {

    private static final Identity UNKNOWN = new Identity(null, null, null, null, null, null, List.of(), 0, List.of());

    public Identity {
        baseModels = List.copyOf(baseModels);
        evidence = List.copyOf(evidence);
    }

    /** Nothing is known about the model's identity. */
    public static Identity unknown() {
        return UNKNOWN;
    }
}
