package io.modelgate.scanner.hf;

import java.util.regex.Pattern;

/**
 * Markdown prose as one line of plain text for a report or a BOM: code blocks, HTML comments and tags, images
 * and emphasis removed, links kept as their text, whitespace collapsed, cut at a word boundary.
 */
final class PlainProse {

    private static final Pattern FENCED_CODE = Pattern.compile("(?s)```.*?(?:```|$)|~~~.*?(?:~~~|$)");
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?(?:-->|$)");
    private static final Pattern TAG = Pattern.compile("<[^<>\\n]{0,200}>");
    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]\\n]{0,500}\\]\\([^)\\n]{0,2000}\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]\\n]{0,500})\\]\\([^)\\n]{0,2000}\\)");
    private static final Pattern HEADING_MARK = Pattern.compile("(?m)^#{1,6}\\s+");
    private static final Pattern LIST_MARK = Pattern.compile("(?m)^\\s*(?:[-*+]|\\d+[.)])\\s+");
    private static final Pattern EMPHASIS = Pattern.compile("\\*{1,3}|(?<![\\w])_{1,3}|_{1,3}(?![\\w])|`");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private PlainProse() {
    }

    static String of(String markdown, int maxChars) {
        String text = FENCED_CODE.matcher(markdown).replaceAll(" ");
        text = COMMENT.matcher(text).replaceAll(" ");
        text = IMAGE.matcher(text).replaceAll(" ");
        text = LINK.matcher(text).replaceAll("$1");
        text = TAG.matcher(text).replaceAll(" ");
        text = HEADING_MARK.matcher(text).replaceAll("");
        text = LIST_MARK.matcher(text).replaceAll("");
        text = EMPHASIS.matcher(text).replaceAll("");
        text = SPACE.matcher(text).replaceAll(" ").trim();
        if (text.length() <= maxChars) {
            return text;
        }
        int cut = text.lastIndexOf(' ', maxChars - 1);
        return text.substring(0, cut > maxChars / 2 ? cut : maxChars - 1) + "…";
    }
}
