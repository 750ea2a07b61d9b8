package io.modelgate.scanner.template;

import io.modelgate.scanner.template.Expr.Binary;
import io.modelgate.scanner.template.Expr.Filter;
import io.modelgate.scanner.template.Expr.GetAttr;
import io.modelgate.scanner.template.Expr.Literal;
import io.modelgate.scanner.template.Expr.Name;
import io.modelgate.scanner.template.Expr.Sequence;
import io.modelgate.scanner.template.TemplateToken.Type;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the statements of a template ({@code if/elif/else/for/set/macro/call/filter/generation/
 * with/block/...}), checks that blocks are properly nested and closed, and collects every
 * expression for the checks. The block stack is an explicit, bounded list, so deep nesting
 * cannot overflow the Java stack.
 */
final class TemplateParser extends ExpressionParser {

    /** Block statements and the tag that closes them. */
    private static final Map<String, String> BLOCKS = Map.ofEntries(
            Map.entry("if", "endif"), Map.entry("for", "endfor"), Map.entry("macro", "endmacro"),
            Map.entry("call", "endcall"), Map.entry("filter", "endfilter"), Map.entry("set", "endset"),
            Map.entry("generation", "endgeneration"), Map.entry("with", "endwith"), Map.entry("block", "endblock"),
            Map.entry("autoescape", "endautoescape"));

    private final int maxBlockDepth;
    private final Deque<String> open = new ArrayDeque<>();
    private final List<Expr> expressions = new ArrayList<>();
    private final Map<String, List<Expr>> assignments = new LinkedHashMap<>();
    private final Set<String> declared = new HashSet<>();
    /** Open block sets ({@code {% set x %}...{% endset %}}), innermost first: their body becomes x's value. */
    private final Deque<BlockSet> blockSets = new ArrayDeque<>();
    private int statements;

    /**
     * The body of a block set being read: its text and {@code {{ }}} expressions in order, and the filter
     * chain applied to it (built on a placeholder).
     */
    private record BlockSet(String name, Expr filters, List<Expr> pieces, int offset) {
    }

    private TemplateParser(List<TemplateToken> tokens, int maxExpressionDepth, int maxBlockDepth) {
        super(tokens, maxExpressionDepth);
        this.maxBlockDepth = maxBlockDepth;
    }

    static ParsedTemplate parse(List<TemplateToken> tokens, int maxExpressionDepth, int maxBlockDepth)
            throws TemplateSyntaxException, TemplateLimitException {
        TemplateParser parser = new TemplateParser(tokens, maxExpressionDepth, maxBlockDepth);
        parser.run();
        return new ParsedTemplate(parser.expressions, parser.assignments, parser.declared, parser.statements);
    }

    private void run() throws TemplateSyntaxException, TemplateLimitException {
        while (true) {
            TemplateToken t = next();
            switch (t.type()) {
                case TEXT -> {
                    if (!blockSets.isEmpty()) {
                        blockSets.peek().pieces().add(new Literal(t.value(), t.offset()));
                    }
                }
                case VARIABLE_BEGIN -> {
                    Expr output = tuple(true);
                    expressions.add(output);
                    if (!blockSets.isEmpty()) {
                        blockSets.peek().pieces().add(output);
                    }
                    expectEnd(Type.VARIABLE_END);
                }
                case BLOCK_BEGIN -> {
                    statement();
                    expectEnd(Type.BLOCK_END);
                }
                case EOF -> {
                    if (!open.isEmpty()) {
                        throw new TemplateSyntaxException("unclosed '" + open.peek() + "' block", t.offset());
                    }
                    return;
                }
                default -> throw new TemplateSyntaxException("unexpected '" + t.value() + "'", t.offset());
            }
        }
    }

    private void expectEnd(Type end) throws TemplateSyntaxException {
        if (peek().type() != end) {
            throw error("expected end of tag");
        }
        next();
    }

    private void statement() throws TemplateSyntaxException, TemplateLimitException {
        statements++;
        TemplateToken keyword = peek();
        if (keyword.type() != Type.NAME) {
            throw error("expected a statement");
        }
        next();
        String name = keyword.value();
        switch (name) {
            case "if" -> {
                expressions.add(expression());
                push(name, keyword);
            }
            case "elif" -> {
                requireOpen(keyword, "if");
                expressions.add(expression());
            }
            case "else" -> requireOpen(keyword, "if", "for");
            case "for" -> forStatement(keyword);
            case "set" -> setStatement(keyword);
            case "macro" -> {
                declared.add(expectName());
                parameters();
                push(name, keyword);
            }
            case "call" -> {
                if (peek().isOperator("(")) {
                    parameters();
                }
                expressions.add(expression());
                push(name, keyword);
            }
            case "filter" -> {
                filterChain();
                push(name, keyword);
            }
            case "with" -> {
                while (peek().type() == Type.NAME) {
                    declared.add(next().value());
                    expectOperator("=");
                    expressions.add(expression());
                    if (!acceptOperator(",")) {
                        break;
                    }
                }
                push(name, keyword);
            }
            case "block" -> {
                expectName();
                acceptName("scoped");
                acceptName("required");
                push(name, keyword);
            }
            case "autoescape" -> {
                expressions.add(expression());
                push(name, keyword);
            }
            case "generation" -> push(name, keyword);
            case "break", "continue" -> requireOpen(keyword, "for");
            case "do" -> expressions.add(tuple(true));
            case "extends", "include" -> {
                expressions.add(expression());
                includeModifiers();
            }
            case "import" -> {
                expressions.add(expression());
                if (acceptName("as")) {
                    declared.add(expectName());
                }
                includeModifiers();
            }
            case "from" -> fromImport();
            default -> {
                if (name.startsWith("end")) {
                    close(keyword);
                } else {
                    throw new TemplateSyntaxException("unknown statement '" + name + "'", keyword.offset());
                }
            }
        }
    }

    private void forStatement(TemplateToken keyword) throws TemplateSyntaxException, TemplateLimitException {
        assignTarget();
        if (!acceptName("in")) {
            throw error("expected 'in'");
        }
        expressions.add(tuple(false));
        if (acceptName("if")) {
            expressions.add(expression());
        }
        acceptName("recursive");
        push("for", keyword);
    }

    private void setStatement(TemplateToken keyword) throws TemplateSyntaxException, TemplateLimitException {
        Expr target = assignTarget();
        if (acceptOperator("=")) {
            Expr value = tuple(true);
            expressions.add(value);
            expressions.add(target);
            if (target instanceof Name n) {
                assignments.computeIfAbsent(n.id(), k -> new ArrayList<>()).add(value);
            }
            return;
        }
        Expr filters = peek().isOperator("|") ? filterChain() : null;
        push("set", keyword);
        blockSets.push(new BlockSet(target instanceof Name n ? n.id() : null, filters, new ArrayList<>(),
                keyword.offset()));
    }

    /**
     * Ends a block set: the body, joined as with {@code ~} and passed through the block's filters, is the
     * value assigned, so names built from text in a set block fold like any other assignment.
     */
    private void endBlockSet() {
        BlockSet block = blockSets.pop();
        Expr body = block.pieces().isEmpty() ? new Literal("", block.offset()) : concat(block.pieces(), 0,
                block.pieces().size());
        Expr value = block.filters() == null ? body : retarget(block.filters(), body);
        expressions.add(value);
        if (block.name() != null) {
            assignments.computeIfAbsent(block.name(), k -> new ArrayList<>()).add(value);
        }
    }

    /** Pieces joined with {@code ~} as a balanced tree, so a long body cannot nest deeply. */
    private static Expr concat(List<Expr> pieces, int from, int to) {
        if (to - from == 1) {
            return pieces.get(from);
        }
        int middle = (from + to) >>> 1;
        return new Binary("~", concat(pieces, from, middle), concat(pieces, middle, to), pieces.get(from).offset());
    }

    /** The filter chain with its placeholder target replaced by {@code body}. */
    private static Expr retarget(Expr chain, Expr body) {
        if (chain instanceof Filter f) {
            return new Filter(retarget(f.target(), body), f.name(), f.args(), f.keywords(), f.offset());
        }
        return body;
    }

    /** The filters of a {@code filter} block or a block {@code set}, applied to the block body. */
    private Expr filterChain() throws TemplateSyntaxException, TemplateLimitException {
        Expr body = new Name("caller", peek().offset());
        acceptOperator("|");
        do {
            body = filter(body, peek().offset());
        } while (acceptOperator("|"));
        expressions.add(body);
        return body;
    }

    /** An assignment target: {@code a}, {@code a, b}, {@code (a, b)} or a namespace attribute {@code ns.a}. */
    private Expr assignTarget() throws TemplateSyntaxException {
        int at = peek().offset();
        boolean parenthesised = acceptOperator("(");
        List<Expr> names = new ArrayList<>();
        do {
            if (parenthesised && peek().isOperator(")")) {
                break;
            }
            Name name = new Name(expectName(), peek().offset());
            if (peek().isOperator(".") && names.isEmpty()) {
                next();
                return new GetAttr(name, expectName(), at);
            }
            declared.add(name.id());
            names.add(name);
        } while (acceptOperator(","));
        if (parenthesised) {
            expectOperator(")");
        }
        return names.size() == 1 ? names.get(0) : new Sequence(Sequence.Kind.TUPLE, names, at);
    }

    /** {@code (a, b=default, ...)} of a macro or call block. */
    private void parameters() throws TemplateSyntaxException, TemplateLimitException {
        expectOperator("(");
        boolean first = true;
        while (!acceptOperator(")")) {
            if (!first) {
                expectOperator(",");
                if (acceptOperator(")")) {
                    break;
                }
            }
            first = false;
            declared.add(expectName());
            if (acceptOperator("=")) {
                expressions.add(expression());
            }
        }
    }

    private void includeModifiers() {
        while (peek().type() == Type.NAME
                && Set.of("ignore", "missing", "with", "without", "context").contains(peek().value())) {
            next();
        }
    }

    private void fromImport() throws TemplateSyntaxException, TemplateLimitException {
        expressions.add(expression());
        if (!acceptName("import")) {
            throw error("expected 'import'");
        }
        do {
            String imported = expectName();
            declared.add(acceptName("as") ? expectName() : imported);
        } while (acceptOperator(","));
        includeModifiers();
    }

    private void push(String block, TemplateToken keyword) throws TemplateLimitException {
        if (open.size() >= maxBlockDepth) {
            throw new TemplateLimitException("blocks nested deeper than " + maxBlockDepth + " levels");
        }
        open.push(block);
    }

    private void requireOpen(TemplateToken keyword, String... blocks) throws TemplateSyntaxException {
        String top = open.peek();
        for (String b : blocks) {
            if (b.equals(top)) {
                return;
            }
        }
        if ("for".equals(blocks[0]) && open.contains("for")) {
            return;
        }
        throw new TemplateSyntaxException("'" + keyword.value() + "' outside of " + String.join("/", blocks),
                keyword.offset());
    }

    private void close(TemplateToken keyword) throws TemplateSyntaxException {
        String top = open.peek();
        if (top == null || !BLOCKS.get(top).equals(keyword.value())) {
            throw new TemplateSyntaxException("unexpected '" + keyword.value() + "'"
                    + (top == null ? "" : " while '" + top + "' is open"), keyword.offset());
        }
        open.pop();
        if (top.equals("set")) {
            endBlockSet();
        }
        if (keyword.value().equals("endblock") && peek().type() == Type.NAME) {
            next();
        }
    }
}
