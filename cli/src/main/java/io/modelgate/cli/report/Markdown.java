package io.modelgate.cli.report;

/** Text from scanned files, made inert in Markdown (a pull-request comment renders links, images and HTML). */
final class Markdown {

    private Markdown() {
    }

    /** Escapes every character Markdown or HTML could act on; line breaks become spaces. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (c == '\n' || c == '\r' || c == '\t') {
                out.append(' ');
            } else if (Character.isISOControl(c)) {
                out.append('\uFFFD');
            } else if (c == '<') {
                out.append("&lt;");
            } else if (c == '>') {
                out.append("&gt;");
            } else if (c == '&') {
                out.append("&amp;");
            } else if ("\\`*_{}[]()#+-.!|~\"'@:".indexOf(c) >= 0) {
                out.append('\\').appendCodePoint(c);
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** Inline code that cannot be broken out of: a fence longer than any backtick run inside. */
    static String code(String text) {
        String clean = escapeControls(text == null ? "" : text);
        int longest = 0;
        int run = 0;
        for (int i = 0; i < clean.length(); i++) {
            run = clean.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        // A '|' would end a table cell even inside code; GitHub reads "\\|" there as a literal bar.
        return fence + " " + clean.replace("|", "\\|") + " " + fence;
    }

    private static String escapeControls(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return out.toString();
    }
}
