package io.modelgate.rules.policy.spdx;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses SPDX license expressions: ids, {@code LicenseRef-}/{@code DocumentRef-…:LicenseRef-} references,
 * {@code +}, {@code WITH}, {@code AND}, {@code OR} and parentheses, with {@code AND} binding tighter than
 * {@code OR}. Unknown ids and malformed expressions are errors with the offending token named.
 */
public final class SpdxParser {

    private static final int MAX_LENGTH = 1000;
    private static final int MAX_DEPTH = 16;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.\\-]*");
    private static final Pattern REF = Pattern.compile("(DocumentRef-[A-Za-z0-9.\\-]+:)?LicenseRef-[A-Za-z0-9.\\-]+");

    private final SpdxIds ids;
    private List<String> tokens;
    private int next;
    private int depth;

    /** A parser accepting only the given ids (and {@code LicenseRef-} references). */
    public SpdxParser(SpdxIds ids) {
        this.ids = ids;
    }

    /** A parser accepting any well-formed id as written: for expressions reported by a scan. */
    public static SpdxParser lenient() {
        return new SpdxParser(null);
    }

    /** The expression, or {@link SpdxException} saying what is wrong. */
    public SpdxExpression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new SpdxException("empty license expression");
        }
        if (text.length() > MAX_LENGTH) {
            throw new SpdxException("license expression longer than " + MAX_LENGTH + " characters");
        }
        tokens = tokenize(text);
        next = 0;
        depth = 0;
        SpdxExpression expression = or();
        if (next < tokens.size()) {
            throw new SpdxException("unexpected '" + tokens.get(next) + "' in license expression '" + text + "'");
        }
        return expression;
    }

    private SpdxExpression or() {
        List<SpdxExpression> parts = new ArrayList<>();
        parts.add(and());
        while (keyword("OR")) {
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new SpdxExpression.Or(parts);
    }

    private SpdxExpression and() {
        List<SpdxExpression> parts = new ArrayList<>();
        parts.add(primary());
        while (keyword("AND")) {
            parts.add(primary());
        }
        return parts.size() == 1 ? parts.get(0) : new SpdxExpression.And(parts);
    }

    private SpdxExpression primary() {
        String token = take("a license id");
        if (token.equals("(")) {
            if (++depth > MAX_DEPTH) {
                throw new SpdxException("license expression nested deeper than " + MAX_DEPTH);
            }
            SpdxExpression inner = or();
            depth--;
            if (!take("')'").equals(")")) {
                throw new SpdxException("missing ')' in license expression");
            }
            return inner;
        }
        if (isOperator(token) || token.equals(")")) {
            throw new SpdxException("expected a license id, found '" + token + "'");
        }
        boolean orLater = token.endsWith("+");
        String id = license(orLater ? token.substring(0, token.length() - 1) : token);
        String exception = null;
        if (keyword("WITH")) {
            String name = take("an exception id");
            exception = ids == null ? name : ids.exception(name).orElseThrow(
                    () -> new SpdxException("unknown SPDX license exception '" + name + "'"));
        }
        return new SpdxExpression.License(id, orLater, exception);
    }

    private String license(String token) {
        if (REF.matcher(token).matches()) {
            return token;
        }
        if (!ID.matcher(token).matches()) {
            throw new SpdxException("'" + token + "' is not a license id");
        }
        if (ids == null) {
            return token;
        }
        return ids.license(token).orElseThrow(() -> new SpdxException("unknown SPDX license id '" + token
                + "' (use an id from the SPDX license list, or LicenseRef-<name> for other licenses)"));
    }

    private boolean keyword(String word) {
        if (next < tokens.size() && tokens.get(next).equals(word)) {
            next++;
            return true;
        }
        if (next < tokens.size() && tokens.get(next).equalsIgnoreCase(word)) {
            throw new SpdxException("operator '" + tokens.get(next) + "' must be written " + word);
        }
        return false;
    }

    private String take(String expected) {
        if (next >= tokens.size()) {
            throw new SpdxException("license expression ends where " + expected + " is expected");
        }
        return tokens.get(next++);
    }

    private static boolean isOperator(String token) {
        String upper = token.toUpperCase(Locale.ROOT);
        return upper.equals("AND") || upper.equals("OR") || upper.equals("WITH");
    }

    private static List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == ')' || Character.isWhitespace(c)) {
                if (!word.isEmpty()) {
                    out.add(word.toString());
                    word.setLength(0);
                }
                if (!Character.isWhitespace(c)) {
                    out.add(String.valueOf(c));
                }
            } else {
                word.append(c);
            }
        }
        if (!word.isEmpty()) {
            out.add(word.toString());
        }
        return out;
    }
}
