package io.modelgate.assessment;

import io.modelgate.scanner.facts.ModelCardFact;
import io.modelgate.scanner.facts.ModelCardFact.CardUses;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a unit's model card declares about its use: the task ({@code pipeline_tag}), the datasets, the
 * languages, and what its prose says of intended use and limits. Declarations only, shown as such (an AI-SBOM's
 * model card); nothing here is verified.
 *
 * @param task      the declared task, e.g. {@code text-generation}; null when none
 * @param datasets  declared training datasets
 * @param languages declared languages
 * @param uses      excerpts of the card's intended-use, out-of-scope, limitation and risk sections
 */
public record CardFacts(String task, List<String> datasets, List<String> languages, CardUses uses) {

    private static final CardFacts NONE = new CardFacts(null, List.of(), List.of(), CardUses.NONE);
    private static final int MAX_ITEMS = 64;

    public CardFacts {
        datasets = List.copyOf(datasets);
        languages = List.copyOf(languages);
        uses = uses == null ? CardUses.NONE : uses;
    }

    public CardFacts(String task, List<String> datasets, List<String> languages) {
        this(task, datasets, languages, CardUses.NONE);
    }

    public static CardFacts none() {
        return NONE;
    }

    static CardFacts of(ModelCardFact card) {
        Map<String, Object> front = card.frontMatter();
        Object task = front.get("pipeline_tag");
        return new CardFacts(task instanceof String s && !s.isBlank() ? s : null, strings(front.get("datasets")),
                strings(front.get("language")), card.uses());
    }

    /** A string or a list of strings, as card front matter writes either. */
    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof String s && !s.isBlank()) {
            out.add(s);
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof String s && !s.isBlank() && out.size() < MAX_ITEMS) {
                    out.add(s);
                }
            }
        }
        return out;
    }
}
