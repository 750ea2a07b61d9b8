package io.modelgate.scanner.python;

import io.modelgate.scanner.io.LimitExceededException;
import io.modelgate.scanner.python.PythonToken.Type;
import io.modelgate.scanner.text.PythonStringEscapes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A bounded Python tokenizer: names, numbers, operators, string literals of every prefix and quote
 * style (escapes decoded, raw strings kept), f-strings whose replacement fields are tokenised too,
 * comments, explicit and implicit line continuation. Logical line ends become NEWLINE tokens;
 * indentation is not modelled (the checks do not need it).
 */
final class PythonTokenizer {

    private static final String OPERATOR_CHARS = "+-*/%@&|^~<>()[]{},:;.=!";
    private static final int MAX_FSTRING_DEPTH = 4;

    private final String src;
    private final int maxTokens;
    private final List<PythonToken> tokens;
    private final int fstringDepth;
    private int pos;
    private int line;
    private int brackets;

    private PythonTokenizer(String src, int firstLine, int maxTokens, List<PythonToken> sink, int fstringDepth) {
        this.src = src;
        this.line = firstLine;
        this.maxTokens = maxTokens;
        this.tokens = sink;
        this.fstringDepth = fstringDepth;
    }

    static List<PythonToken> tokenize(String src, int maxTokens) throws PythonSyntaxException, LimitExceededException {
        List<PythonToken> tokens = new ArrayList<>();
        new PythonTokenizer(src, 1, maxTokens, tokens, 0).run();
        tokens.add(new PythonToken(Type.END, "", tokens.isEmpty() ? 1 : tokens.get(tokens.size() - 1).line(), 0));
        return tokens;
    }

    private void run() throws PythonSyntaxException, LimitExceededException {
        int n = src.length();
        while (pos < n) {
            char c = src.charAt(pos);
            if (c == '\n') {
                if (brackets == 0) {
                    newline();
                }
                line++;
                pos++;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                pos++;
            } else if (c == '#') {
                while (pos < n && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '\\') {
                continuation();
            } else if (isStringStart()) {
                string();
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = pos;
                while (pos < n && Character.isJavaIdentifierPart(src.charAt(pos)) && src.charAt(pos) != '$') {
                    pos++;
                }
                emit(Type.NAME, src.substring(start, pos), line, 0);
            } else if (Character.isDigit(c) || (c == '.' && pos + 1 < n && Character.isDigit(src.charAt(pos + 1)))) {
                number();
            } else if (OPERATOR_CHARS.indexOf(c) >= 0) {
                operator(c);
            } else {
                throw new PythonSyntaxException("unexpected character U+" + String.format("%04X", (int) c), line);
            }
        }
        newline();
    }

    private void newline() throws LimitExceededException {
        if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).type() != Type.NEWLINE) {
            emit(Type.NEWLINE, "", line, 0);
        }
    }

    private void continuation() throws PythonSyntaxException {
        int next = pos + 1;
        if (next < src.length() && src.charAt(next) == '\r') {
            next++;
        }
        if (next >= src.length() || src.charAt(next) != '\n') {
            throw new PythonSyntaxException("stray backslash", line);
        }
        pos = next + 1;
        line++;
    }

    private void number() throws LimitExceededException {
        int start = pos;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            boolean exponentSign = (c == '+' || c == '-') && pos > start
                    && (src.charAt(pos - 1) == 'e' || src.charAt(pos - 1) == 'E')
                    && !src.substring(start, Math.min(start + 2, src.length())).toLowerCase(Locale.ROOT).equals("0x");
            if (Character.isLetterOrDigit(c) || c == '_' || c == '.' || exponentSign) {
                pos++;
            } else {
                break;
            }
        }
        emit(Type.NUMBER, src.substring(start, pos), line, 0);
    }

    private void operator(char c) throws PythonSyntaxException, LimitExceededException {
        if (c == '(' || c == '[' || c == '{') {
            brackets++;
        } else if (c == ')' || c == ']' || c == '}') {
            brackets = Math.max(0, brackets - 1);
        }
        if (c == '!' && (pos + 1 >= src.length() || src.charAt(pos + 1) != '=')) {
            throw new PythonSyntaxException("unexpected '!'", line);
        }
        int len = 1;
        for (String op : List.of("**=", "//=", ">>=", "<<=", "...", "**", "//", "==", "!=", "<=", ">=", "->", ":=",
                "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "<<", ">>")) {
            if (src.startsWith(op, pos)) {
                len = op.length();
                break;
            }
        }
        emit(Type.OP, src.substring(pos, pos + len), line, 0);
        pos += len;
    }

    /** A quote, possibly after a prefix of up to two letters from r, b, u, f (any case). */
    private boolean isStringStart() {
        int i = pos;
        while (i < src.length() && i - pos < 2 && "rRbBuUfF".indexOf(src.charAt(i)) >= 0) {
            i++;
        }
        if (i >= src.length() || (src.charAt(i) != '\'' && src.charAt(i) != '"')) {
            return false;
        }
        return i == pos || pos == 0 || !Character.isJavaIdentifierPart(src.charAt(pos - 1));
    }

    private void string() throws PythonSyntaxException, LimitExceededException {
        int startLine = line;
        int flags = 0;
        while ("rRbBuUfF".indexOf(src.charAt(pos)) >= 0) {
            char p = Character.toLowerCase(src.charAt(pos++));
            flags |= p == 'b' ? PythonToken.BYTES : p == 'f' ? PythonToken.FORMATTED : p == 'r' ? PythonToken.RAW : 0;
        }
        char quote = src.charAt(pos);
        boolean triple = src.startsWith(String.valueOf(quote).repeat(3), pos);
        String close = triple ? String.valueOf(quote).repeat(3) : String.valueOf(quote);
        pos += close.length();
        int bodyStart = pos;
        while (true) {
            if (pos >= src.length()) {
                throw new PythonSyntaxException("unterminated string", startLine);
            }
            char c = src.charAt(pos);
            if (c == '\\' && pos + 1 < src.length()) {
                if (src.charAt(pos + 1) == '\n') {
                    line++;
                }
                pos += 2;
            } else if (src.startsWith(close, pos)) {
                break;
            } else if (c == '\n') {
                if (!triple) {
                    throw new PythonSyntaxException("end of line inside a string", startLine);
                }
                line++;
                pos++;
            } else {
                pos++;
            }
        }
        String body = src.substring(bodyStart, pos);
        pos += close.length();
        boolean raw = (flags & PythonToken.RAW) != 0;
        emit(Type.STRING, raw ? body : PythonStringEscapes.unescape(body), startLine, flags);
        if ((flags & PythonToken.FORMATTED) != 0) {
            formattedFields(body, startLine);
        }
    }

    /** The expressions inside an f-string's braces are code: tokenise them in parentheses. */
    private void formattedFields(String body, int startLine) throws PythonSyntaxException, LimitExceededException {
        if (fstringDepth >= MAX_FSTRING_DEPTH) {
            throw new LimitExceededException("f-strings nested deeper than " + MAX_FSTRING_DEPTH + " levels");
        }
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '{' && i + 1 < body.length() && body.charAt(i + 1) == '{') {
                i += 2;
            } else if (c == '{') {
                int end = fieldEnd(body, i + 1);
                int expressionEnd = expressionEnd(body, i + 1, end);
                emit(Type.OP, "(", startLine, 0);
                new PythonTokenizer(body.substring(i + 1, expressionEnd), startLine, maxTokens, tokens,
                        fstringDepth + 1).fieldTokens();
                emit(Type.OP, ")", startLine, 0);
                // A format spec is text, but its own replacement fields ({x:{width}}) are code.
                int spec = body.indexOf(':', expressionEnd);
                if (spec >= 0 && spec < end) {
                    formattedFields(body.substring(spec + 1, end), startLine);
                }
                i = end + 1;
            } else {
                i++;
            }
        }
    }

    private void fieldTokens() throws PythonSyntaxException, LimitExceededException {
        brackets = 1;
        run();
    }

    /** The closing brace of a replacement field, skipping nested brackets and strings. */
    private static int fieldEnd(String body, int from) {
        return fieldBoundary(body, from, body.length(), false);
    }

    /**
     * Where a replacement field's expression ends: at its conversion ({@code !r}, {@code !s}, {@code !a}) or its
     * format spec ({@code :}), outside brackets and strings; else at the field's closing brace.
     */
    private static int expressionEnd(String body, int from, int end) {
        return fieldBoundary(body, from, end, true);
    }

    private static int fieldBoundary(String body, int from, int end, boolean stopAtConversionOrSpec) {
        int depth = 0;
        char quote = 0;
        for (int i = from; i < end; i++) {
            char c = body.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '{' || c == '[' || c == '(') {
                depth++;
            } else if ((c == '}' || c == ']' || c == ')') && depth > 0) {
                depth--;
            } else if (c == '}') {
                return i;
            } else if (stopAtConversionOrSpec && depth == 0
                    && (c == ':' || c == '!' && (i + 1 >= end || body.charAt(i + 1) != '='))) {
                return i;
            }
        }
        return end;
    }

    private void emit(Type type, String text, int atLine, int flags) throws LimitExceededException {
        if (tokens.size() >= maxTokens) {
            throw new LimitExceededException("Python source has more than " + maxTokens + " tokens");
        }
        tokens.add(new PythonToken(type, text, atLine, flags));
    }
}
