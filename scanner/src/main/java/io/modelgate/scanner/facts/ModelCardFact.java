package io.modelgate.scanner.facts;

import java.util.Map;

/**
 * What a model card (README.md) says about the model: its YAML front matter as plain bounded values, its first
 * Markdown heading and the prose of its use and limitation sections.
 *
 * @param frontMatter the front matter's top-level keys; empty when the card has none
 * @param title       the first {@code # } heading, null when there is none
 * @param uses        what the card's sections say of intended use, out-of-scope use, limitations and risks
 */
public record ModelCardFact(Map<String, Object> frontMatter, String title, CardUses uses) implements TypedFact {

    public static final String KEY = "modelCard";

    public ModelCardFact {
        frontMatter = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(frontMatter));
        uses = uses == null ? CardUses.NONE : uses;
    }

    public ModelCardFact(Map<String, Object> frontMatter, String title) {
        this(frontMatter, title, CardUses.NONE);
    }

    /**
     * The card's own words, each a bounded excerpt of one section with Markdown markup removed; null where the
     * card has no such section or only a template placeholder in it.
     */
    public record CardUses(String intendedUse, String outOfScopeUse, String limitations, String risks) {

        public static final CardUses NONE = new CardUses(null, null, null, null);

        public boolean isEmpty() {
            return intendedUse == null && outOfScopeUse == null && limitations == null && risks == null;
        }

        /** The limitations, then the out-of-scope use marked as such: what a BOM states as the model's limits. */
        public java.util.List<String> limits() {
            java.util.List<String> limits = new java.util.ArrayList<>();
            if (limitations != null) {
                limits.add(limitations);
            }
            if (outOfScopeUse != null) {
                limits.add("Out-of-scope use: " + outOfScopeUse);
            }
            return limits;
        }

        /** The risks, unless they are the limitations already (one "Bias, Risks, and Limitations" section). */
        public String risksBeyondLimits() {
            return risks == null || risks.equals(limitations) ? null : risks;
        }
    }
}
