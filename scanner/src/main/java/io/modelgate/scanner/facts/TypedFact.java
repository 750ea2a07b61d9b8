package io.modelgate.scanner.facts;

/**
 * A fact recorded as a typed record for the assessment (unit discovery, identity, license) rather than
 * under a free-form string key. Report writers show what the assessment made of these facts, not the
 * records themselves.
 */
public sealed interface TypedFact permits EmbeddedArtifact, MetadataDocument, ModelCardFact, LicenseTextFact {
}
