package io.modelgate.scanner.numpy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the small subset of Python literal syntax NumPy writes in {@code .npy} headers: dicts with
 * string keys, tuples, lists, strings, integers, booleans and None. Nothing is evaluated; anything
 * else (names, calls, operators, floats) is rejected. Nesting is bounded so a hostile header cannot
 * exhaust the stack.
 */
final class PyLiteralParser {

    static final int MAX_NESTING = 32;

    private final String text;
    private int pos;
    private int nesting;

    private PyLiteralParser(String text) {
        this.text = text;
    }

    /** Parses one literal followed only by whitespace. */
    static PyLiteral parse(String text) throws LiteralSyntaxException {
        PyLiteralParser parser = new PyLiteralParser(text);
        PyLiteral value = parser.value();
        parser.skipSpace();
        if (parser.pos != text.length()) {
            throw parser.error("unexpected text after the literal");
        }
        return value;
    }

    private PyLiteral value() throws LiteralSyntaxException {
        skipSpace();
        if (pos >= text.length()) {
            throw error("unexpected end of header");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> dict();
            case '(' -> sequence(')', true);
            case '[' -> sequence(']', false);
            case '\'', '"' -> new PyLiteral.Str(string());
            default -> {
                if (c == '-' || c == '+' || Character.isDigit(c)) {
                    yield integer();
                }
                yield keyword();
            }
        };
    }

    private PyLiteral dict() throws LiteralSyntaxException {
        enter();
        pos++;
        Map<String, PyLiteral> entries = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            if (peek() == '}') {
                pos++;
                break;
            }
            PyLiteral key = value();
            if (!(key instanceof PyLiteral.Str s)) {
                throw error("dict key is not a string");
            }
            skipSpace();
            expect(':');
            PyLiteral item = value();
            if (entries.put(s.value(), item) != null) {
                throw error("duplicate key '" + s.value() + "'");
            }
            if (!afterItem('}')) {
                break;
            }
        }
        nesting--;
        return new PyLiteral.Dict(entries);
    }

    private PyLiteral sequence(char close, boolean tuple) throws LiteralSyntaxException {
        enter();
        pos++;
        List<PyLiteral> items = new ArrayList<>();
        boolean sawComma = false;
        while (true) {
            skipSpace();
            if (peek() == close) {
                pos++;
                break;
            }
            items.add(value());
            sawComma = afterItem(close);
            if (!sawComma) {
                break;
            }
        }
        if (tuple && items.size() == 1 && !sawComma) {
            throw error("parenthesised value is not a tuple");
        }
        nesting--;
        return new PyLiteral.Seq(List.copyOf(items), tuple);
    }

    /** After an item: true when a comma was read (more may follow), false when the bracket closed. */
    private boolean afterItem(char close) throws LiteralSyntaxException {
        skipSpace();
        char c = peek();
        if (c == ',') {
            pos++;
            return true;
        }
        if (c == close) {
            pos++;
            return false;
        }
        throw error("expected ',' or '" + close + "'");
    }

    private String string() throws LiteralSyntaxException {
        char quote = text.charAt(pos++);
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == quote) {
                return out.toString();
            }
            if (c == '\n') {
                throw error("newline in string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw error("unterminated escape");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '\\', '\'', '"' -> out.append(e);
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '0' -> out.append('\0');
                case 'x' -> out.append((char) hex(2));
                case 'u' -> out.append((char) hex(4));
                case 'U' -> out.appendCodePoint(codePoint(hex(8)));
                default -> throw error("unsupported escape \\" + e);
            }
        }
    }

    private int codePoint(int value) throws LiteralSyntaxException {
        if (!Character.isValidCodePoint(value)) {
            throw error("invalid code point");
        }
        return value;
    }

    private int hex(int digits) throws LiteralSyntaxException {
        if (pos + digits > text.length()) {
            throw error("truncated escape");
        }
        int value = 0;
        for (int i = 0; i < digits; i++) {
            int d = Character.digit(text.charAt(pos++), 16);
            if (d < 0) {
                throw error("bad hex escape");
            }
            value = value * 16 + d;
        }
        return value;
    }

    private PyLiteral integer() throws LiteralSyntaxException {
        int start = pos;
        if (peek() == '-' || peek() == '+') {
            pos++;
        }
        int digits = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == 'L')) {
            pos++;
        }
        String number = text.substring(start, pos);
        if (number.endsWith("L")) {
            number = number.substring(0, number.length() - 1);
        }
        if (pos == digits || number.indexOf('L') >= 0 || number.length() > 40) {
            throw error("malformed integer");
        }
        return new PyLiteral.Int(new BigInteger(number.startsWith("+") ? number.substring(1) : number));
    }

    private PyLiteral keyword() throws LiteralSyntaxException {
        for (String word : new String[]{"True", "False", "None"}) {
            if (text.startsWith(word, pos)) {
                int end = pos + word.length();
                if (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
                    break;
                }
                pos = end;
                return word.equals("None") ? new PyLiteral.None() : new PyLiteral.Bool(word.equals("True"));
            }
        }
        throw error("not a literal");
    }

    private void enter() throws LiteralSyntaxException {
        if (++nesting > MAX_NESTING) {
            throw error("nesting deeper than " + MAX_NESTING);
        }
    }

    private void expect(char c) throws LiteralSyntaxException {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t'
                || text.charAt(pos) == '\n' || text.charAt(pos) == '\r')) {
            pos++;
        }
    }

    private LiteralSyntaxException error(String what) {
        return new LiteralSyntaxException(what + " at column " + pos);
    }

    /** The header is not a literal of the accepted shape. */
    static final class LiteralSyntaxException extends Exception {
        LiteralSyntaxException(String message) {
            super(message);
        }
    }
}
