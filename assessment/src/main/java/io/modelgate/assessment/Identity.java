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

    /** Below this confidence an identity is uncertain: the files do not settle the family. */
    public static final double CONFIDENT = 0.7;

    private static final Identity UNKNOWN = new Identity(null, null, null, null, null, null, List.of(), 0, List.of());

    public Identity {
        baseModels = List.copyOf(baseModels);
        evidence = List.copyOf(evidence);
    }

    /**
     * True when the family is not established with a confidence of at least {@link #CONFIDENT} (or not at
     * all): on the evaluation set outside the knowledge base's sources, identities at or above it were right
     * at least 97% of the time, below it they are guesses a reviewer must confirm.
     */
    public boolean uncertain() {
        return family == null || confidence < CONFIDENT;
    }

    /** Nothing is known about the model's identity. */
    public static Identity unknown() {
        return UNKNOWN;
    }
}
