package io.modelgate.scanner.template;

import java.util.List;

/** A Jinja expression as parsed (never evaluated). {@code offset} is the character offset in the template. */
sealed interface Expr {

    int offset();

    /** A variable or global, e.g. {@code messages}, {@code cycler}. */
    record Name(String id, int offset) implements Expr { }

    /** A string, number, boolean or none constant. */
    record Literal(Object value, int offset) implements Expr { }

    /** A list, tuple or dict display; dict items alternate key, value. */
    record Sequence(Kind kind, List<Expr> items, int offset) implements Expr {
        enum Kind { LIST, TUPLE, DICT }
    }

    /** {@code target.name}. */
    record GetAttr(Expr target, String name, int offset) implements Expr { }

    /** {@code target[index]}. */
    record GetItem(Expr target, Expr index, int offset) implements Expr { }

    /** {@code start:stop:step} inside a subscript; parts may be null. */
    record Slice(Expr start, Expr stop, Expr step, int offset) implements Expr { }

    /** A call, also the arguments of a filter or test: positional, keyword, *args and **kwargs. */
    record Call(Expr callee, List<Expr> args, List<Keyword> keywords, int offset) implements Expr { }

    /** {@code name=value} in a call. */
    record Keyword(String name, Expr value, int offset) implements Expr { }

    /** {@code target|name(args)}. */
    record Filter(Expr target, String name, List<Expr> args, List<Keyword> keywords, int offset) implements Expr { }

    /** {@code target is [not] name(args)}. */
    record Test(Expr target, String name, List<Expr> args, int offset) implements Expr { }

    /** Binary operators including {@code ~}, comparisons, {@code in}, {@code and}/{@code or}. */
    record Binary(String op, Expr left, Expr right, int offset) implements Expr { }

    /** {@code not x}, {@code -x}, {@code +x}; also {@code *args}/{@code **kwargs} in calls. */
    record Unary(String op, Expr operand, int offset) implements Expr { }

    /** {@code a if cond else b}; {@code otherwise} may be null. */
    record Conditional(Expr condition, Expr then, Expr otherwise, int offset) implements Expr { }

    /** The children of an expression, for generic walks. */
    static List<Expr> children(Expr e) {
        if (e instanceof Sequence s) {
            return s.items();
        } else if (e instanceof GetAttr g) {
            return List.of(g.target());
        } else if (e instanceof GetItem g) {
            return List.of(g.target(), g.index());
        } else if (e instanceof Slice s) {
            return nonNull(s.start(), s.stop(), s.step());
        } else if (e instanceof Call c) {
            return concat(List.of(c.callee()), c.args(), c.keywords());
        } else if (e instanceof Keyword k) {
            return List.of(k.value());
        } else if (e instanceof Filter f) {
            return concat(List.of(f.target()), f.args(), f.keywords());
        } else if (e instanceof Test t) {
            return concat(List.of(t.target()), t.args(), List.of());
        } else if (e instanceof Binary b) {
            return List.of(b.left(), b.right());
        } else if (e instanceof Unary u) {
            return List.of(u.operand());
        } else if (e instanceof Conditional c) {
            return nonNull(c.condition(), c.then(), c.otherwise());
        }
        return List.of();
    }

    private static List<Expr> nonNull(Expr... parts) {
        return java.util.Arrays.stream(parts).filter(java.util.Objects::nonNull).toList();
    }

    private static List<Expr> concat(List<Expr> a, List<Expr> b, List<? extends Expr> c) {
        java.util.ArrayList<Expr> all = new java.util.ArrayList<>(a.size() + b.size() + c.size());
        all.addAll(a);
        all.addAll(b);
        all.addAll(c);
        return all;
    }
}
