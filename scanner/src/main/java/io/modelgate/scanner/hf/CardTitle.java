package io.modelgate.scanner.hf;

/** The first Markdown heading of a model card, a weak declaration of the model's name. */
final class CardTitle {

    /** Headings further down are sections, not the model's name. */
    private static final int MAX_LINES = 400;

    private CardTitle() {
    }

    /** The text of the first {@code # } line of a card body (front matter excluded by the caller), or null. */
    static String of(MarkdownSections markdown) {
        String line = markdown.firstTitleLine(MAX_LINES);
        String title = line == null ? "" : line.trim();
        return title.isEmpty() ? null : JsonFacts.text(title);
    }
}
