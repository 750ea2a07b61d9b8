package io.modelgate.sbom.diff;

/**
 * One difference between an old and a new BOM.
 *
 * @param kind    what changed
 * @param model   the model concerned (its name in the BOM), null for the scan as a whole
 * @param subject the file, property or finding that changed
 * @param before  the old value, null when it was absent
 * @param after   the new value, null when it is gone
 */
public record Drift(DriftKind kind, String model, String subject, String before, String after) {
}
