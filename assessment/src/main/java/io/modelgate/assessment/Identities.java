package io.modelgate.assessment;

import io.modelgate.provenance.identity.ModelProvenance;

/** The identity part of what provenance established about a unit. */
final class Identities {

    private Identities() {
    }

    static Identity of(ModelProvenance model) {
        return new Identity(model.family(), model.generation(), model.publisher(), model.country(),
                model.architectureFamily(), model.tokenizerFamily(), model.baseModels(), model.confidence(),
                model.evidence());
    }
}
