package io.modelgate.rules.provenance;

/** A statement the unit's metadata makes about itself or its base, with where it was read. */
public record Claim(ClaimKind kind, String value, String source) {
}
