package io.modelgate.provenance.identity;

/** A statement the unit's metadata makes about itself or its base, with where it was read. */
public record Claim(ClaimKind kind, String value, String source) {
}
