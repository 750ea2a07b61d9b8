package io.modelgate.provenance.identity;

import java.util.Locale;

/** What a unit's own metadata says about it. Claims are editable text, so they weigh less than traits. */
public enum ClaimKind {
    /** The unit's own name (card title, _name_or_path, GGUF general.name, folder or file name). */
    NAME(0.45),
    /** The folder or file name only: weakest of all. */
    FILE_NAME(0.2),
    /** A declared base model (card base_model, adapter base_model_name_or_path, GGUF general.base_model). */
    BASE(0.5),
    /** A declared organisation or author (GGUF general.organization). */
    ORGANIZATION(0.3);

    private final double weight;

    ClaimKind(double weight) {
        this.weight = weight;
    }

    public double weight() {
        return weight;
    }

    public String id() {
        return "declared_" + name().toLowerCase(Locale.ROOT);
    }
}
