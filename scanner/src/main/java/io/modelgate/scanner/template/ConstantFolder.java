package io.modelgate.scanner.template;

import io.modelgate.scanner.template.Expr.Binary;
import io.modelgate.scanner.template.Expr.Call;
import io.modelgate.scanner.template.Expr.Filter;
import io.modelgate.scanner.template.Expr.GetAttr;
import io.modelgate.scanner.template.Expr.GetItem;
import io.modelgate.scanner.template.Expr.Literal;
import io.modelgate.scanner.template.Expr.Name;
import io.modelgate.scanner.template.Expr.Sequence;
import io.modelgate.scanner.template.Expr.Slice;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Computes the value of expressions built only from constants, the way an attacker hides a name:
 * {@code '__cla' ~ 'ss__'}, {@code ['__','class','__']|join}, {@code '%c'|format(95)},
 * {@code '__ssalc__'|reverse}, {@code '_' * 2}, replace, slicing, str methods, and names bound to
 * such values with {@code set}. Values are strings, longs, doubles, booleans or lists of those;
 * anything else, or a result longer than {@link #MAX_LENGTH}, is "not constant".
 */
final class ConstantFolder {

    static final int MAX_LENGTH = 4096;
    private static final int MAX_DEPTH = 64;
    /** Filters and str methods that turn strings into other strings: the tools of name obfuscation. */
    static final Set<String> STRING_BUILDERS = Set.of("join", "format", "replace", "reverse", "lower", "upper",
            "string", "first", "last", "list", "trim", "strip", "center", "capitalize", "title", "format_map",
            "lstrip", "rstrip", "swapcase", "decode", "encode", "urlencode", "batch", "slice");

    private final Map<String, List<Expr>> assignments;
    private final Set<String> resolving = new java.util.HashSet<>();
    private final Map<String, Object> resolved = new java.util.HashMap<>();
    private int depth;

    ConstantFolder(Map<String, List<Expr>> assignments) {
        this.assignments = assignments;
    }

    Optional<String> string(Expr e) {
        return fold(e).filter(String.class::isInstance).map(String.class::cast);
    }

    Optional<Object> fold(Expr e) {
        if (depth >= MAX_DEPTH) {
            return Optional.empty();
        }
        depth++;
        try {
            return Optional.ofNullable(value(e)).filter(ConstantFolder::bounded);
        } finally {
            depth--;
        }
    }

    private static boolean bounded(Object v) {
        if (v instanceof String s) {
            return s.length() <= MAX_LENGTH;
        }
        return !(v instanceof List<?> l) || l.size() <= MAX_LENGTH;
    }

    private Object value(Expr e) {
        if (e instanceof Literal l) {
            return l.value() instanceof java.math.BigInteger ? null : l.value();
        } else if (e instanceof Name n) {
            return variable(n.id());
        } else if (e instanceof Sequence s && s.kind() != Sequence.Kind.DICT) {
            return list(s.items());
        } else if (e instanceof Binary b) {
            return binary(b);
        } else if (e instanceof Filter f) {
            Object target = fold(f.target()).orElse(null);
            List<Object> args = list(f.args());
            return target == null || args == null ? null : apply(f.name(), target, args);
        } else if (e instanceof Call c && c.callee() instanceof GetAttr m && m.name().equals("format")
                && c.keywords().isEmpty()) {
            Object target = fold(m.target()).orElse(null);
            List<Object> args = list(c.args());
            return target instanceof String pattern && args != null ? BraceFormat.format(pattern, args) : null;
        } else if (e instanceof Call c && c.callee() instanceof GetAttr m && c.keywords().isEmpty()) {
            Object target = fold(m.target()).orElse(null);
            List<Object> args = list(c.args());
            return target == null || args == null ? null : apply(m.name(), target, args);
        } else if (e instanceof GetItem g) {
            return subscript(g);
        } else if (e instanceof Expr.Unary u && u.op().equals("-")) {
            Object v = fold(u.operand()).orElse(null);
            return v instanceof Long n ? -n : null;
        }
        return null;
    }

    /**
     * The last constant value assigned to a name. Memoised, and a name is never resolved inside its
     * own resolution ({@code set messages = messages[1:]}), so lookups stay linear.
     */
    private Object variable(String name) {
        if (resolved.containsKey(name)) {
            return resolved.get(name);
        }
        if (!resolving.add(name)) {
            return null;
        }
        Object value = null;
        List<Expr> values = assignments.getOrDefault(name, List.of());
        for (int i = values.size() - 1; i >= 0 && value == null; i--) {
            value = fold(values.get(i)).orElse(null);
        }
        resolving.remove(name);
        resolved.put(name, value);
        return value;
    }

    private List<Object> list(List<Expr> items) {
        List<Object> out = new ArrayList<>(items.size());
        for (Expr item : items) {
            Optional<Object> v = fold(item);
            if (v.isEmpty()) {
                return null;
            }
            out.add(v.get());
        }
        return out;
    }

    private Object binary(Binary b) {
        Object l = fold(b.left()).orElse(null);
        Object r = fold(b.right()).orElse(null);
        if (l == null || r == null) {
            return null;
        }
        switch (b.op()) {
            case "~":
                return text(l) + text(r);
            case "+":
                if (l instanceof String a && r instanceof String c) {
                    return a + c;
                }
                return l instanceof Long a && r instanceof Long c ? a + c : null;
            case "*":
                if (l instanceof String s && r instanceof Long n) {
                    return repeat(s, n);
                }
                if (r instanceof String s && l instanceof Long n) {
                    return repeat(s, n);
                }
                return l instanceof Long a && r instanceof Long c ? a * c : null;
            case "%":
                return l instanceof String s ? PercentFormat.format(s, r instanceof List<?> list ? list : List.of(r))
                        : null;
            default:
                return null;
        }
    }

    private static Object repeat(String s, long n) {
        if (n <= 0) {
            return "";
        }
        return n > MAX_LENGTH || (long) s.length() * n > MAX_LENGTH ? null : s.repeat((int) n);
    }

    private Object apply(String name, Object target, List<Object> args) {
        String s = target instanceof String str ? str : null;
        switch (name) {
            case "join":
                if (s != null && args.size() == 1 && args.get(0) instanceof List<?> items) {
                    return join(s, items);
                }
                return target instanceof List<?> items ? join(args.isEmpty() ? "" : text(args.get(0)), items) : null;
            case "format":
                return s == null ? null : PercentFormat.format(s, args);
            case "replace":
                return s != null && args.size() >= 2 ? s.replace(text(args.get(0)), text(args.get(1))) : null;
            case "reverse":
                return s != null ? new StringBuilder(s).reverse().toString() : reversed(target);
            case "lower":
                return s != null ? s.toLowerCase(java.util.Locale.ROOT) : null;
            case "upper":
                return s != null ? s.toUpperCase(java.util.Locale.ROOT) : null;
            case "string":
            case "safe":
                return text(target);
            case "trim":
            case "strip":
                return s != null ? s.strip() : null;
            case "first":
                return element(target, 0);
            case "last":
                return element(target, -1);
            case "list":
                return s != null ? s.chars().mapToObj(c -> (Object) String.valueOf((char) c)).toList() : target;
            default:
                return null;
        }
    }

    private static Object join(String separator, List<?> items) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(separator);
            }
            out.append(text(items.get(i)));
            if (out.length() > MAX_LENGTH) {
                return null;
            }
        }
        return out.toString();
    }

    private static Object reversed(Object target) {
        if (target instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l);
            java.util.Collections.reverse(copy);
            return copy;
        }
        return null;
    }

    private static Object element(Object target, int index) {
        if (target instanceof String s && !s.isEmpty()) {
            return String.valueOf(s.charAt(index < 0 ? s.length() - 1 : index));
        }
        if (target instanceof List<?> l && !l.isEmpty()) {
            return l.get(index < 0 ? l.size() - 1 : index);
        }
        return null;
    }

    private Object subscript(GetItem g) {
        Object target = fold(g.target()).orElse(null);
        if (target == null) {
            return null;
        }
        if (g.index() instanceof Slice slice) {
            return slice(target, slice);
        }
        Object index = fold(g.index()).orElse(null);
        if (!(index instanceof Long i)) {
            return null;
        }
        int size = target instanceof String s ? s.length() : target instanceof List<?> l ? l.size() : -1;
        long at = i < 0 ? size + i : i;
        if (size < 0 || at < 0 || at >= size) {
            return null;
        }
        return target instanceof String s ? String.valueOf(s.charAt((int) at)) : ((List<?>) target).get((int) at);
    }

    private Object slice(Object target, Slice slice) {
        if (!(target instanceof String s)) {
            return null;
        }
        Long start = slice.start() == null ? null : longValue(slice.start());
        Long stop = slice.stop() == null ? null : longValue(slice.stop());
        Long step = slice.step() == null ? 1L : longValue(slice.step());
        if ((slice.start() != null && start == null) || (slice.stop() != null && stop == null) || step == null
                || step == 0) {
            return null;
        }
        return PythonSlice.apply(s, start, stop, step);
    }

    private Long longValue(Expr e) {
        return fold(e).filter(Long.class::isInstance).map(Long.class::cast).orElse(null);
    }

    static String text(Object v) {
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return String.valueOf(v);
    }
}
