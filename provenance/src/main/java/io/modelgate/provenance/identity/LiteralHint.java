package io.modelgate.provenance.identity;

import java.util.Locale;
import java.util.Optional;

/**
 * The literal text every match of a name pattern must contain, when the pattern starts with one
 * ({@code "deepseek-coder(?!-v)"} needs {@code "deepseek-coder"}): a plain search rules out most names before
 * the pattern runs. Conservative by construction: anything the reading does not understand yields no hint, and
 * then the pattern always runs.
 */
final class LiteralHint {

    /** Shorter literals rule out too little to be worth the lookup. */
    private static final int MIN_LENGTH = 2;

    private LiteralHint() {
    }

    /** The lower-case literal a match must contain, if the pattern has one. */
    static Optional<String> of(String pattern) {
        if (hasTopLevelAlternative(pattern)) {
            return Optional.empty();
        }
        int i = pattern.startsWith("\\b") ? 2 : 0;
        StringBuilder literal = new StringBuilder();
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' || c == ' ') {
                literal.append(c);
                i++;
            } else if (c == '\\' && i + 1 < pattern.length() && ".-_".indexOf(pattern.charAt(i + 1)) >= 0) {
                literal.append(pattern.charAt(i + 1));
                i += 2;
            } else {
                if ((c == '?' || c == '*' || c == '{') && literal.length() > 0) {
                    // the last character is optional or counted: only what comes before it is certain
                    literal.setLength(literal.length() - 1);
                }
                break;
            }
        }
        return literal.length() >= MIN_LENGTH ? Optional.of(literal.toString().toLowerCase(Locale.ROOT))
                : Optional.empty();
    }

    /** Whether {@code |} splits the whole pattern (outside groups and classes), so no prefix is shared. */
    private static boolean hasTopLevelAlternative(String pattern) {
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return true;
            }
        }
        return false;
    }
}
