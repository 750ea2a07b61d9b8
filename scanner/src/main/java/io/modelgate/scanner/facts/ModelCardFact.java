package io.modelgate.scanner.facts;

import java.util.Map;

/**
 * What a model card (README.md) says about the model: its YAML front matter as plain bounded values and
 * its first Markdown heading.
 *
 * @param frontMatter the front matter's top-level keys; empty when the card has none
 * @param title       the first {@code # } heading, null when there is none
 */
public record ModelCardFact(Map<String, Object> frontMatter, String title) implements TypedFact {

    public static final String KEY = "modelCard";

    public ModelCardFact {
        frontMatter = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(frontMatter));
    }
}
