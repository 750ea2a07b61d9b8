package io.modelgate.assessment;

import io.modelgate.provenance.identity.ModelProvenance;

/** The identity part of what provenance established about a unit. */
final class Identities {

    private Identities() {
    }

    /** The unit's identity; the one shared unknown identity when nothing is known (most units of a large scan). */
    static Identity of(ModelProvenance model) {
        Identity identity = new Identity(model.family(), model.generation(), model.publisher(), model.country(),
                model.architectureFamily(), model.tokenizerFamily(), model.baseModels(), model.confidence(),
                model.evidence());
        return identity.equals(Identity.unknown()) ? Identity.unknown() : identity;
    }
}
