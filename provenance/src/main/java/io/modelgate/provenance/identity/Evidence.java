package io.modelgate.provenance.identity;

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

    public Evidence withStance(Stance other) {
        return new Evidence(kind, value, source, weight, family, other);
    }
}
