package io.modelgate.provenance.identity;

import io.modelgate.provenance.kb.SignalKind;

/** A raw trait read from a unit's files, before it is compared with the knowledge base. */
public record Observation(SignalKind kind, String value, String source) {
}
