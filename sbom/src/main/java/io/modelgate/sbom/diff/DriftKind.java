package io.modelgate.sbom.diff;

import java.util.Locale;

/** The kinds of difference between two BOMs of the same model(s). */
public enum DriftKind {
    MODEL_ADDED, MODEL_REMOVED,
    FILE_CHANGED, FILE_ADDED, FILE_REMOVED,
    LICENSE, IDENTITY, SIGNATURE, LOCK, DECISION,
    FINDING_NEW, FINDING_RESOLVED;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The group a user selects with {@code --only}: files, license, identity, signature, decision, findings. */
    public String category() {
        return switch (this) {
            case MODEL_ADDED, MODEL_REMOVED, FILE_CHANGED, FILE_ADDED, FILE_REMOVED, LOCK -> "files";
            case LICENSE -> "license";
            case IDENTITY -> "identity";
            case SIGNATURE -> "signature";
            case DECISION -> "decision";
            case FINDING_NEW, FINDING_RESOLVED -> "findings";
        };
    }
}
