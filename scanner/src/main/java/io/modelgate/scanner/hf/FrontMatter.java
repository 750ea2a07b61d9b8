package io.modelgate.scanner.hf;

import java.util.Optional;

/** The YAML block between the opening {@code ---} line of a Markdown file and the next {@code ---} line. */
final class FrontMatter {

    private FrontMatter() {
    }

    static boolean opens(String text) {
        return text.startsWith("---\n") || text.startsWith("---\r\n");
    }

    /** The YAML text, or empty when there is no complete front matter block. */
    static Optional<String> extract(String text) {
        if (!opens(text)) {
            return Optional.empty();
        }
        int start = text.indexOf('\n') + 1;
        int lineStart = start;
        while (lineStart < text.length()) {
            int end = text.indexOf('\n', lineStart);
            String line = (end < 0 ? text.substring(lineStart) : text.substring(lineStart, end)).stripTrailing();
            if (line.equals("---")) {
                return Optional.of(text.substring(start, lineStart));
            }
            if (end < 0) {
                break;
            }
            lineStart = end + 1;
        }
        return Optional.empty();
    }

    /** The Markdown after a front matter block whose YAML text is {@code yaml}. */
    static String body(String text, String yaml) {
        int start = text.indexOf('\n') + 1 + yaml.length();
        int end = text.indexOf('\n', start);
        return end < 0 ? "" : text.substring(end + 1);
    }
}
