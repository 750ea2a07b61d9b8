package io.modelgate.provenance.identity;

/**
 * A model the unit derives from.
 *
 * @param name     the declared id ({@code Qwen/Qwen2.5-7B}), or the detected generation when none is declared
 * @param family   the base's family id, null when unknown
 * @param relation {@code finetune}, {@code adapter}, {@code quantized}, {@code merge} or {@code distill}
 * @param declared true when the metadata names this base, false when only the evidence shows it
 */
public record BaseModel(String name, String family, String relation, boolean declared) {
}
