package io.modelgate.rules.policy;

/**
 * The {@code origin} section: who made the family the model belongs to.
 *
 * @param countries           ISO 3166-1 alpha-2 codes of the family's publisher
 * @param publishers          publisher names as the knowledge base spells them
 * @param families            family or generation ids; the model's family and every base model's family count
 * @param requireDeclaredBase a base model found only in the evidence, not declared, rejects
 * @param onUnknown           effect when a list applies but the model's country, publisher or family is unknown
 * @param onUnlisted          effect of a name on none of the lists when that kind has an allow list
 * @param onUncertain         effect when a list applies and the family is named, but with a confidence below 0.7
 */
public record OriginPolicy(NameLists countries, NameLists publishers, NameLists families,
                           boolean requireDeclaredBase, Effect onUnknown, Effect onUnlisted, Effect onUncertain) {

    public static OriginPolicy none() {
        return new OriginPolicy(NameLists.empty(), NameLists.empty(), NameLists.empty(), false, Effect.NOTE,
                Effect.REJECT, Effect.NOTE);
    }
}
