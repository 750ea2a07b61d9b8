package io.modelgate.provenance.identity;

import io.modelgate.provenance.kb.SignalKind;

import java.util.Locale;

/**
 * One fact about a model unit that bears on its identity.
 *
 * @param kind   what was observed: a signal kind ({@code vocab_size}, {@code special_token}, …) or a declaration
 *               ({@code declared_name}, {@code declared_base}, …)
 * @param value  the observed value
 * @param source where it was found: a file of the unit, with a pointer ({@code config.json#/vocab_size})
 * @param weight how much the fact alone says, 0 to 1
 * @param family the family the fact points at
 * @param stance whether it supports or contradicts the verdict
 */
public record Evidence(String kind, String value, String source, double weight, String family, Stance stance) {

    /**
     * Which half of the identity the fact is about: {@code body} (weights, layout, configuration), {@code tokenizer}
     * (vocabulary, special tokens, chat format) or {@code declared} (names, bases, organisations: editable text).
     */
    public String aspect() {
        if (kind.startsWith("declared_")) {
            return "declared";
        }
        try {
            return SignalKind.valueOf(kind.toUpperCase(Locale.ROOT)).aspect().name().toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "declared";
        }
    }

    public Evidence withStance(Stance other) {
        return new Evidence(kind, value, source, weight, family, other);
    }
}
