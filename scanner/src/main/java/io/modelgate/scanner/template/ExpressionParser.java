package io.modelgate.scanner.template;

import io.modelgate.scanner.template.Expr.Binary;
import io.modelgate.scanner.template.Expr.Call;
import io.modelgate.scanner.template.Expr.Conditional;
import io.modelgate.scanner.template.Expr.Filter;
import io.modelgate.scanner.template.Expr.GetAttr;
import io.modelgate.scanner.template.Expr.GetItem;
import io.modelgate.scanner.template.Expr.Keyword;
import io.modelgate.scanner.template.Expr.Literal;
import io.modelgate.scanner.template.Expr.Name;
import io.modelgate.scanner.template.Expr.Sequence;
import io.modelgate.scanner.template.Expr.Slice;
import io.modelgate.scanner.template.Expr.Test;
import io.modelgate.scanner.template.Expr.Unary;
import io.modelgate.scanner.template.TemplateToken.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for Jinja expressions with Jinja's precedence: conditional, or, and,
 * not, comparisons, {@code + -}, {@code ~}, {@code * / // %}, {@code **}, unary, then primaries with
 * attribute, subscript, call, filter and test suffixes. Recursion depth is bounded.
 */
class ExpressionParser {

    private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", ">", "<=", ">=");
    private static final Set<String> TEST_ARG_STOP = Set.of("else", "or", "and", "if", "in", "is", "not", "for",
            "recursive");

    private final List<TemplateToken> tokens;
    private final int maxDepth;
    private int depth;
    protected int index;

    ExpressionParser(List<TemplateToken> tokens, int maxDepth) {
        this.tokens = tokens;
        this.maxDepth = maxDepth;
    }

    protected TemplateToken peek() {
        return tokens.get(index);
    }

    protected TemplateToken peekAt(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    protected TemplateToken next() {
        TemplateToken t = tokens.get(index);
        if (t.type() != Type.EOF) {
            index++;
        }
        return t;
    }

    protected boolean acceptOperator(String op) {
        if (peek().isOperator(op)) {
            index++;
            return true;
        }
        return false;
    }

    protected boolean acceptName(String name) {
        if (peek().isName(name)) {
            index++;
            return true;
        }
        return false;
    }

    protected void expectOperator(String op) throws TemplateSyntaxException {
        if (!acceptOperator(op)) {
            throw error("expected '" + op + "'");
        }
    }

    protected String expectName() throws TemplateSyntaxException {
        if (peek().type() != Type.NAME) {
            throw error("expected a name");
        }
        return next().value();
    }

    protected TemplateSyntaxException error(String message) {
        TemplateToken t = peek();
        String found = t.type() == Type.EOF ? "end of template" : "'" + abbreviate(t.value()) + "'";
        return new TemplateSyntaxException(message + ", found " + found, t.offset());
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    /** A full expression, with an optional trailing {@code if ... else ...}. */
    Expr expression() throws TemplateSyntaxException, TemplateLimitException {
        enter();
        try {
            Expr e = or();
            while (peek().isName("if")) {
                int at = next().offset();
                Expr cond = or();
                Expr otherwise = acceptName("else") ? expression() : null;
                e = new Conditional(cond, e, otherwise, at);
            }
            return e;
        } finally {
            depth--;
        }
    }

    /** Comma-separated expressions, a tuple when there is more than one (or a trailing comma). */
    Expr tuple(boolean withConditional) throws TemplateSyntaxException, TemplateLimitException {
        int at = peek().offset();
        List<Expr> items = new ArrayList<>();
        boolean comma = false;
        while (true) {
            if (!items.isEmpty() && !startsExpression()) {
                break;
            }
            items.add(withConditional ? expression() : or());
            if (!acceptOperator(",")) {
                break;
            }
            comma = true;
        }
        return items.size() == 1 && !comma ? items.get(0) : new Sequence(Sequence.Kind.TUPLE, items, at);
    }

    protected boolean startsExpression() {
        TemplateToken t = peek();
        return switch (t.type()) {
            case NAME -> !Set.of("in", "if", "else", "recursive", "for", "and", "or", "is").contains(t.value());
            case STRING, INTEGER, FLOAT -> true;
            case OPERATOR -> Set.of("(", "[", "{", "-", "+").contains(t.value());
            default -> false;
        };
    }

    private Expr or() throws TemplateSyntaxException, TemplateLimitException {
        Expr e = and();
        while (peek().isName("or")) {
            int at = next().offset();
            e = new Binary("or", e, and(), at);
        }
        return e;
    }

    private Expr and() throws TemplateSyntaxException, TemplateLimitException {
        Expr e = not();
        while (peek().isName("and")) {
            int at = next().offset();
            e = new Binary("and", e, not(), at);
        }
        return e;
    }

    private Expr not() throws TemplateSyntaxException, TemplateLimitException {
        if (peek().isName("not")) {
            int at = next().offset();
            enter();
            try {
                return new Unary("not", not(), at);
            } finally {
                depth--;
            }
        }
        return compare();
    }

    private Expr compare() throws TemplateSyntaxException, TemplateLimitException {
        Expr e = math1();
        while (true) {
            TemplateToken t = peek();
            if (t.type() == Type.OPERATOR && COMPARISONS.contains(t.value())) {
                next();
                e = new Binary(t.value(), e, math1(), t.offset());
            } else if (t.isName("in")) {
                next();
                e = new Binary("in", e, math1(), t.offset());
            } else if (t.isName("not") && peekAt(1).isName("in")) {
                next();
                next();
                e = new Binary("not in", e, math1(), t.offset());
            } else {
                return e;
            }
        }
    }

    private Expr math1() throws TemplateSyntaxException, TemplateLimitException {
        Expr e = concat();
        while (peek().isOperator("+") || peek().isOperator("-")) {
            TemplateToken op = next();
            e = new Binary(op.value(), e, concat(), op.offset());
        }
        return e;
    }

    private Expr concat() throws TemplateSyntaxException, TemplateLimitException {
        Expr e = math2();
        while (peek().isOperator("~")) {
            int at = next().offset();
            e = new Binary("~", e, math2(), at);
        }
        return e;
    }

    private Expr math2() throws TemplateSyntaxException, TemplateLimitException {
        Expr e = pow();
        while (peek().type() == Type.OPERATOR && Set.of("*", "/", "//", "%").contains(peek().value())) {
            TemplateToken op = next();
            e = new Binary(op.value(), e, pow(), op.offset());
        }
        return e;
    }

    private Expr pow() throws TemplateSyntaxException, TemplateLimitException {
        Expr e = unary();
        while (peek().isOperator("**")) {
            int at = next().offset();
            e = new Binary("**", e, unary(), at);
        }
        return e;
    }

    private Expr unary() throws TemplateSyntaxException, TemplateLimitException {
        enter();
        try {
            TemplateToken t = peek();
            if (t.isOperator("-") || t.isOperator("+")) {
                next();
                return filters(new Unary(t.value(), unary(), t.offset()));
            }
            return filters(postfix(primary()));
        } finally {
            depth--;
        }
    }

    private Expr primary() throws TemplateSyntaxException, TemplateLimitException {
        TemplateToken t = next();
        switch (t.type()) {
            case NAME:
                return switch (t.value()) {
                    case "true", "True" -> new Literal(Boolean.TRUE, t.offset());
                    case "false", "False" -> new Literal(Boolean.FALSE, t.offset());
                    case "none", "None" -> new Literal(null, t.offset());
                    default -> new Name(t.value(), t.offset());
                };
            case STRING: {
                StringBuilder s = new StringBuilder(t.value());
                while (peek().type() == Type.STRING) {
                    s.append(next().value());
                }
                return new Literal(s.toString(), t.offset());
            }
            case INTEGER:
                return new Literal(parseInteger(t.value()), t.offset());
            case FLOAT:
                return new Literal(Double.parseDouble(t.value()), t.offset());
            case OPERATOR:
                switch (t.value()) {
                    case "(": {
                        if (acceptOperator(")")) {
                            return new Sequence(Sequence.Kind.TUPLE, List.of(), t.offset());
                        }
                        Expr inner = tuple(true);
                        expectOperator(")");
                        return inner;
                    }
                    case "[":
                        return new Sequence(Sequence.Kind.LIST, items("]", false), t.offset());
                    case "{":
                        return new Sequence(Sequence.Kind.DICT, items("}", true), t.offset());
                    default:
                        break;
                }
                break;
            default:
                break;
        }
        index--;
        throw error("unexpected token in expression");
    }

    private static Object parseInteger(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return new java.math.BigInteger(digits);
        }
    }

    private List<Expr> items(String close, boolean dict) throws TemplateSyntaxException, TemplateLimitException {
        List<Expr> items = new ArrayList<>();
        while (!acceptOperator(close)) {
            if (!items.isEmpty()) {
                expectOperator(",");
                if (acceptOperator(close)) {
                    break;
                }
            }
            items.add(expression());
            if (dict) {
                expectOperator(":");
                items.add(expression());
            }
        }
        return items;
    }

    private Expr postfix(Expr e) throws TemplateSyntaxException, TemplateLimitException {
        while (true) {
            TemplateToken t = peek();
            if (t.isOperator(".")) {
                next();
                TemplateToken attr = next();
                if (attr.type() != Type.NAME && attr.type() != Type.INTEGER) {
                    index--;
                    throw error("expected an attribute name");
                }
                e = attr.type() == Type.NAME ? new GetAttr(e, attr.value(), t.offset())
                        : new GetItem(e, new Literal(parseInteger(attr.value()), attr.offset()), t.offset());
            } else if (t.isOperator("[")) {
                next();
                e = new GetItem(e, subscript(), t.offset());
            } else if (t.isOperator("(")) {
                e = call(e);
            } else {
                return e;
            }
        }
    }

    private Expr subscript() throws TemplateSyntaxException, TemplateLimitException {
        List<Expr> parts = new ArrayList<>();
        do {
            if (peek().isOperator("]")) {
                break;
            }
            parts.add(subscribed());
        } while (acceptOperator(","));
        expectOperator("]");
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return new Sequence(Sequence.Kind.TUPLE, parts, parts.isEmpty() ? peek().offset() : parts.get(0).offset());
    }

    private Expr subscribed() throws TemplateSyntaxException, TemplateLimitException {
        int at = peek().offset();
        Expr start = peek().isOperator(":") ? null : expression();
        if (!acceptOperator(":")) {
            return start;
        }
        Expr stop = peek().isOperator(":") || peek().isOperator("]") || peek().isOperator(",") ? null : expression();
        Expr step = null;
        if (acceptOperator(":") && !peek().isOperator("]") && !peek().isOperator(",")) {
            step = expression();
        }
        return new Slice(start, stop, step, at);
    }

    /** {@code (args)} after a callee: positional, {@code name=value}, {@code *args}, {@code **kwargs}. */
    protected Call call(Expr callee) throws TemplateSyntaxException, TemplateLimitException {
        int at = peek().offset();
        expectOperator("(");
        List<Expr> args = new ArrayList<>();
        List<Keyword> keywords = new ArrayList<>();
        while (!acceptOperator(")")) {
            if (!args.isEmpty() || !keywords.isEmpty()) {
                expectOperator(",");
                if (acceptOperator(")")) {
                    break;
                }
            }
            TemplateToken t = peek();
            if (t.isOperator("*") || t.isOperator("**")) {
                next();
                args.add(new Unary(t.value(), expression(), t.offset()));
            } else if (t.type() == Type.NAME && peekAt(1).isOperator("=")) {
                next();
                next();
                keywords.add(new Keyword(t.value(), expression(), t.offset()));
            } else {
                args.add(expression());
            }
        }
        return new Call(callee, args, keywords, at);
    }

    private Expr filters(Expr e) throws TemplateSyntaxException, TemplateLimitException {
        while (true) {
            TemplateToken t = peek();
            if (t.isOperator("|")) {
                next();
                e = filter(e, t.offset());
            } else if (t.isName("is")) {
                next();
                e = test(e, t.offset());
            } else if (t.isOperator("(")) {
                e = call(e);
            } else {
                return e;
            }
        }
    }

    /** One filter applied to {@code target}; dotted names are joined as Jinja does. */
    protected Filter filter(Expr target, int at) throws TemplateSyntaxException, TemplateLimitException {
        StringBuilder name = new StringBuilder(expectName());
        while (peek().isOperator(".") && peekAt(1).type() == Type.NAME) {
            next();
            name.append('.').append(next().value());
        }
        if (peek().isOperator("(")) {
            Call args = call(new Name(name.toString(), at));
            return new Filter(target, name.toString(), args.args(), args.keywords(), at);
        }
        return new Filter(target, name.toString(), List.of(), List.of(), at);
    }

    private Expr test(Expr target, int at) throws TemplateSyntaxException, TemplateLimitException {
        boolean negated = acceptName("not");
        StringBuilder name = new StringBuilder(expectName());
        while (peek().isOperator(".") && peekAt(1).type() == Type.NAME) {
            next();
            name.append('.').append(next().value());
        }
        List<Expr> args = new ArrayList<>();
        TemplateToken t = peek();
        if (t.isOperator("(")) {
            Call call = call(new Name(name.toString(), at));
            args.addAll(call.args());
            args.addAll(call.keywords());
        } else if ((t.type() == Type.NAME && !TEST_ARG_STOP.contains(t.value()))
                || t.type() == Type.STRING || t.type() == Type.INTEGER || t.type() == Type.FLOAT
                || t.isOperator("[") || t.isOperator("{")) {
            enter();
            try {
                args.add(postfix(primary()));
            } finally {
                depth--;
            }
        }
        Expr test = new Test(target, name.toString(), args, at);
        return negated ? new Unary("not", test, at) : test;
    }

    private void enter() throws TemplateLimitException {
        if (++depth > maxDepth) {
            depth--;
            throw new TemplateLimitException("expression nested deeper than " + maxDepth + " levels");
        }
    }
}
