package io.modelgate.scanner.template;

import io.modelgate.scanner.template.TemplateToken.Type;
import io.modelgate.scanner.text.PythonStringEscapes;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a template into tokens following Jinja's default syntax: text, {@code {{ }}} and
 * {@code {% %}} tags with whitespace control, {@code {# #}} comments and {@code raw} blocks. Inside
 * tags an end delimiter only counts when brackets are balanced, as in Jinja. Linear time, bounded
 * token count and bracket depth.
 */
final class TemplateLexer {

    private static final Set<String> OPERATORS_2 = Set.of("//", "**", "==", "!=", "<=", ">=");
    private static final String OPERATORS_1 = "+-*/%~[](){}<>=.:|,;";
    private static final Pattern RAW_START = Pattern.compile("\\s*raw\\s*[-+]?%}");
    private static final Pattern RAW_END = Pattern.compile("\\{%[-+]?\\s*endraw\\s*[-+]?%}");

    private final String src;
    private final int maxTokens;
    private final int maxDepth;
    private final List<TemplateToken> tokens = new ArrayList<>();
    private int pos;

    private TemplateLexer(String src, int maxTokens, int maxDepth) {
        this.src = src;
        this.maxTokens = maxTokens;
        this.maxDepth = maxDepth;
    }

    static List<TemplateToken> tokenize(String src, int maxTokens, int maxDepth)
            throws TemplateSyntaxException, TemplateLimitException {
        TemplateLexer lexer = new TemplateLexer(src, maxTokens, maxDepth);
        lexer.run();
        return lexer.tokens;
    }

    private void run() throws TemplateSyntaxException, TemplateLimitException {
        int n = src.length();
        while (pos < n) {
            int open = nextTagStart(pos);
            if (open < 0) {
                emit(Type.TEXT, src.substring(pos), pos);
                break;
            }
            if (open > pos) {
                emit(Type.TEXT, src.substring(pos, open), pos);
            }
            char kind = src.charAt(open + 1);
            pos = open + 2;
            if (pos < n && (src.charAt(pos) == '-' || src.charAt(pos) == '+')) {
                pos++;
            }
            if (kind == '#') {
                int end = src.indexOf("#}", pos);
                if (end < 0) {
                    throw new TemplateSyntaxException("unterminated comment", open);
                }
                pos = end + 2;
            } else if (kind == '%' && rawBlock(open)) {
                continue;
            } else {
                emit(kind == '{' ? Type.VARIABLE_BEGIN : Type.BLOCK_BEGIN, src.substring(open, pos), open);
                lexTag(kind == '{', open);
            }
        }
        emit(Type.EOF, "", n);
    }

    private int nextTagStart(int from) {
        int i = from;
        while (true) {
            i = src.indexOf('{', i);
            if (i < 0 || i + 1 >= src.length()) {
                return -1;
            }
            char c = src.charAt(i + 1);
            if (c == '{' || c == '%' || c == '#') {
                return i;
            }
            i++;
        }
    }

    /** {@code {% raw %}...{% endraw %}}: the body is text, never parsed. */
    private boolean rawBlock(int open) throws TemplateSyntaxException, TemplateLimitException {
        Matcher start = RAW_START.matcher(src).region(pos, src.length());
        if (!start.lookingAt()) {
            return false;
        }
        Matcher end = RAW_END.matcher(src);
        if (!end.find(start.end())) {
            throw new TemplateSyntaxException("unterminated raw block", open);
        }
        emit(Type.TEXT, src.substring(start.end(), end.start()), start.end());
        pos = end.end();
        return true;
    }

    private void lexTag(boolean variable, int open) throws TemplateSyntaxException, TemplateLimitException {
        Deque<Character> brackets = new ArrayDeque<>();
        int n = src.length();
        while (true) {
            while (pos < n && Character.isWhitespace(src.charAt(pos))) {
                pos++;
            }
            if (pos >= n) {
                throw new TemplateSyntaxException("unterminated " + (variable ? "{{" : "{%") + " tag", open);
            }
            if (brackets.isEmpty() && atTagEnd(variable)) {
                return;
            }
            char c = src.charAt(pos);
            if (Character.isLetter(c) || c == '_') {
                lexName();
            } else if (c >= '0' && c <= '9') {
                lexNumber();
            } else if (c == '\'' || c == '"') {
                lexString(c);
            } else {
                lexOperator(brackets);
            }
        }
    }

    private boolean atTagEnd(boolean variable) throws TemplateLimitException {
        String end = variable ? "}}" : "%}";
        int at = pos;
        if (src.charAt(at) == '-' || (!variable && src.charAt(at) == '+')) {
            at++;
        }
        if (!src.startsWith(end, at)) {
            return false;
        }
        emit(variable ? Type.VARIABLE_END : Type.BLOCK_END, src.substring(pos, at + 2), pos);
        pos = at + 2;
        return true;
    }

    private void lexName() throws TemplateLimitException {
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
            pos++;
        }
        emit(Type.NAME, src.substring(start, pos), start);
    }

    private void lexNumber() throws TemplateLimitException {
        int start = pos;
        boolean isFloat = false;
        digits();
        if (pos + 1 < src.length() && src.charAt(pos) == '.' && isDigit(pos + 1)) {
            isFloat = true;
            pos++;
            digits();
        }
        if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
                pos++;
            }
            if (isDigit(pos)) {
                isFloat = true;
                digits();
            } else {
                pos = save;
            }
        }
        emit(isFloat ? Type.FLOAT : Type.INTEGER, src.substring(start, pos).replace("_", ""), start);
    }

    private void digits() {
        while (pos < src.length() && (isDigit(pos) || src.charAt(pos) == '_')) {
            pos++;
        }
    }

    private boolean isDigit(int at) {
        return at < src.length() && src.charAt(at) >= '0' && src.charAt(at) <= '9';
    }

    private void lexString(char quote) throws TemplateSyntaxException, TemplateLimitException {
        int start = pos;
        int i = pos + 1;
        while (i < src.length() && src.charAt(i) != quote) {
            i += src.charAt(i) == '\\' ? 2 : 1;
        }
        if (i >= src.length()) {
            throw new TemplateSyntaxException("unterminated string literal", start);
        }
        emit(Type.STRING, PythonStringEscapes.unescape(src.substring(start + 1, i)), start);
        pos = i + 1;
    }

    private void lexOperator(Deque<Character> brackets) throws TemplateSyntaxException, TemplateLimitException {
        int start = pos;
        if (pos + 1 < src.length() && OPERATORS_2.contains(src.substring(pos, pos + 2))) {
            emit(Type.OPERATOR, src.substring(pos, pos + 2), start);
            pos += 2;
            return;
        }
        char c = src.charAt(pos);
        if (OPERATORS_1.indexOf(c) < 0) {
            throw new TemplateSyntaxException("unexpected character '" + c + "'", start);
        }
        if (c == '(' || c == '[' || c == '{') {
            if (brackets.size() >= maxDepth) {
                throw new TemplateLimitException("brackets nested deeper than " + maxDepth);
            }
            brackets.push(c);
        } else if (c == ')' || c == ']' || c == '}') {
            char expected = c == ')' ? '(' : c == ']' ? '[' : '{';
            if (brackets.isEmpty() || brackets.pop() != expected) {
                throw new TemplateSyntaxException("unbalanced '" + c + "'", start);
            }
        }
        emit(Type.OPERATOR, String.valueOf(c), start);
        pos++;
    }

    private void emit(Type type, String value, int offset) throws TemplateLimitException {
        if (tokens.size() >= maxTokens) {
            throw new TemplateLimitException("template has more than " + maxTokens + " tokens");
        }
        tokens.add(new TemplateToken(type, value, offset));
    }
}
