package io.modelgate.scanner.hf;

/** The first Markdown heading of a model card, a weak declaration of the model's name. */
public final class CardTitle {

    /** Headings further down are sections, not the model's name. */
    private static final int MAX_LINES = 400;

    private CardTitle() {
    }

    /** The text of the first {@code # } line of {@code markdown} (front matter excluded by the caller), or null. */
    public static String of(String markdown) {
        String[] lines = markdown.split("\n", MAX_LINES + 1);
        for (int i = 0; i < Math.min(lines.length, MAX_LINES); i++) {
            if (lines[i].startsWith("# ")) {
                String title = lines[i].substring(2).trim();
                return title.isEmpty() ? null : JsonFacts.text(title);
            }
        }
        return null;
    }
}
