package io.modelgate.scanner.template;

import io.modelgate.scanner.template.Expr.Binary;
import io.modelgate.scanner.template.Expr.Call;
import io.modelgate.scanner.template.Expr.Filter;
import io.modelgate.scanner.template.Expr.GetAttr;
import io.modelgate.scanner.template.Expr.GetItem;
import io.modelgate.scanner.template.Expr.Keyword;
import io.modelgate.scanner.template.Expr.Literal;
import io.modelgate.scanner.template.Expr.Name;
import io.modelgate.scanner.template.Expr.Slice;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Walks every expression of a parsed template looking for the ways a template leaves the data it
 * is given: internal attributes, dangerous calls, attribute names built at render time, global
 * helper objects inspected rather than called. Names a template declares itself shadow globals.
 */
final class TemplateChecker {

    /** Jinja's default globals plus the helpers transformers adds; callable, never inspected. */
    private static final Set<String> HELPER_GLOBALS = Set.of("cycler", "joiner", "lipsum", "namespace", "range",
            "dict", "raise_exception", "strftime_now");
    /** Objects of web frameworks (Flask) that expose configuration, secrets or the application. */
    private static final Set<String> WEB_OBJECTS = Set.of("self", "config", "request", "url_for",
            "get_flashed_messages", "session");
    /** Filters that take an attribute name (Jinja resolves dotted paths in it). */
    private static final Set<String> ATTRIBUTE_FILTERS = Set.of("map", "selectattr", "rejectattr", "sort", "groupby",
            "sum", "unique", "min", "max");
    /** A str.format field that reads an attribute or an item: '{0.__class__}', '{x[__globals__]}'. */
    private static final Pattern FORMAT_FIELD_ACCESS = Pattern.compile("\\{[^{}]*[.\\[][^{}]*}");

    private final ParsedTemplate template;
    private final ConstantFolder folder;
    private final List<TemplateIssue> issues = new ArrayList<>();
    private final Set<Expr> consumed = Collections.newSetFromMap(new IdentityHashMap<>());
    private final boolean chatTemplate;

    private TemplateChecker(ParsedTemplate template, boolean chatTemplate) {
        this.template = template;
        this.folder = new ConstantFolder(template.assignments());
        this.chatTemplate = chatTemplate;
    }

    /**
     * @param chatTemplate true for chat templates, where the global objects of a web application, Jinja's
     *                     helpers being inspected and subscripts with computed keys have no business; false for
     *                     other Jinja text files
     */
    static List<TemplateIssue> check(ParsedTemplate template, boolean chatTemplate) {
        TemplateChecker checker = new TemplateChecker(template, chatTemplate);
        checker.run();
        return checker.issues;
    }

    /** Iterative walk (parents before children), so hostile nesting cannot overflow the stack. */
    private void run() {
        Deque<Expr> pending = new ArrayDeque<>();
        for (int i = template.expressions().size() - 1; i >= 0; i--) {
            pending.push(template.expressions().get(i));
        }
        while (!pending.isEmpty()) {
            Expr e = pending.pop();
            visit(e);
            List<Expr> children = Expr.children(e);
            for (int i = children.size() - 1; i >= 0; i--) {
                pending.push(children.get(i));
            }
        }
    }

    private void visit(Expr e) {
        if (consumed.contains(e)) {
            consumed.addAll(Expr.children(e));
        }
        if (e instanceof GetAttr g) {
            attributeName(g.name(), ".", g.offset());
            if (InternalNames.isModule(g.name())) {
                add(TemplateRules.DANGEROUS_CALL, g.name(), "reaches the module '" + g.name() + "'", g.offset());
            }
            helperInspected(g.target(), g.name());
        } else if (e instanceof GetItem g) {
            subscript(g);
        } else if (e instanceof Filter f) {
            filter(f);
        } else if (e instanceof Call c) {
            call(c);
        } else if (e instanceof Keyword k && InternalNames.isInternal(k.name())) {
            add(TemplateRules.PYTHON_INTERNALS, k.name(), "passes the internal name '" + k.name()
                    + "' as a keyword (dict(" + k.name() + "=...) yields it as a string)", k.offset());
        } else if (e instanceof Name n) {
            name(n);
        } else if (!consumed.contains(e) && (e instanceof Literal || e instanceof Binary || e instanceof Filter)) {
            internalString(e);
        }
    }

    private void name(Name n) {
        if (template.declaredNames().contains(n.id())) {
            return;
        }
        if (WEB_OBJECTS.contains(n.id()) && chatTemplate) {
            add(TemplateRules.GLOBALS_OBJECT, n.id(), "references the web-framework object '" + n.id() + "'",
                    n.offset());
        } else if (InternalNames.isModule(n.id())) {
            add(TemplateRules.DANGEROUS_CALL, n.id(), "references the module '" + n.id() + "'", n.offset());
        } else if (InternalNames.isInternal(n.id())) {
            add(TemplateRules.PYTHON_INTERNALS, n.id(), "references the interpreter name '" + n.id() + "'",
                    n.offset());
        }
    }

    /** An attribute name reached by {@code .name}, a constant subscript or the attr filter. */
    private void attributeName(String name, String how, int offset) {
        if (InternalNames.isInternal(name)) {
            add(TemplateRules.PYTHON_INTERNALS, name, "reads the internal attribute '" + name + "' via " + how,
                    offset);
        } else if (InternalNames.isPrivate(name)) {
            add(TemplateRules.PRIVATE_ATTRIBUTE, name, "reads the private attribute '" + name + "' via " + how,
                    offset);
        }
    }

    private void helperInspected(Expr target, String what) {
        if (chatTemplate && target instanceof Name n && HELPER_GLOBALS.contains(n.id()) && !template.declaredNames().contains(n.id())) {
            add(TemplateRules.GLOBALS_OBJECT, n.id(), "inspects the global helper '" + n.id() + "' (" + what + ")",
                    n.offset());
        }
    }

    private void subscript(GetItem g) {
        if (g.index() instanceof Slice) {
            return;
        }
        Optional<String> key = folder.string(g.index());
        if (key.isPresent()) {
            consumed.add(g.index());
            attributeName(key.get(), "a subscript ['" + key.get() + "']", g.offset());
            helperInspected(g.target(), "['" + key.get() + "']");
        } else if (chatTemplate && isBuiltString(g.index())) {
            // web templates index records with computed keys all the time; chat templates have no reason to
            add(TemplateRules.BUILT_ATTRIBUTE_NAME, "[...]", "looks up a key built at render time", g.offset());
        }
    }

    private void filter(Filter f) {
        if (f.name().equals("attr")) {
            attrArgument(f.args().isEmpty() ? null : f.args().get(0), "the attr filter", f.offset());
            helperInspected(f.target(), "|attr");
            return;
        }
        if (f.name().equals("map") && !f.args().isEmpty()
                && folder.string(f.args().get(0)).filter("attr"::equals).isPresent()) {
            attrArgument(f.args().size() > 1 ? f.args().get(1) : null, "map('attr')", f.offset());
        }
        if (ATTRIBUTE_FILTERS.contains(f.name())) {
            for (Keyword k : f.keywords()) {
                if (k.name().equals("attribute")) {
                    attributePath(k.value(), f.name() + "(attribute=...)", f.offset());
                }
            }
            boolean positionalAttribute = Set.of("selectattr", "rejectattr", "groupby").contains(f.name());
            if (positionalAttribute && !f.args().isEmpty()) {
                attributePath(f.args().get(0), f.name(), f.offset());
            }
        }
        if (!consumed.contains(f)) {
            internalString(f);
        }
    }

    private void attrArgument(Expr arg, String how, int offset) {
        if (arg == null) {
            return;
        }
        Optional<String> name = folder.string(arg);
        consumed.add(arg);
        if (name.isPresent()) {
            attributeName(name.get(), how, offset);
            if (InternalNames.isDangerousCall(name.get())) {
                add(TemplateRules.DANGEROUS_CALL, name.get(), "reaches '" + name.get() + "' via " + how, offset);
            }
        } else {
            add(TemplateRules.BUILT_ATTRIBUTE_NAME, how, "reads an attribute whose name is not a constant via "
                    + how, offset);
        }
    }

    /** A dotted attribute path given to a filter, e.g. {@code map(attribute='a.b')}. */
    private void attributePath(Expr arg, String how, int offset) {
        Optional<String> path = folder.string(arg);
        consumed.add(arg);
        if (path.isEmpty()) {
            if (isBuiltString(arg)) {
                add(TemplateRules.BUILT_ATTRIBUTE_NAME, how, "passes an attribute name built at render time to "
                        + how, offset);
            }
            return;
        }
        for (String part : path.get().split("\\.", -1)) {
            attributeName(part, how, offset);
        }
    }

    private void call(Call c) {
        String callee = c.callee() instanceof Name n && !template.declaredNames().contains(n.id()) ? n.id()
                : c.callee() instanceof GetAttr g ? g.name() : null;
        if (callee != null && InternalNames.isDangerousCall(callee)) {
            add(TemplateRules.DANGEROUS_CALL, callee, "calls '" + callee + "(...)'", c.offset());
        }
        if (c.callee() instanceof GetAttr g && (g.name().equals("format") || g.name().equals("format_map"))) {
            folder.string(g.target()).filter(p -> FORMAT_FIELD_ACCESS.matcher(p).find()
                    && (p.contains("_") || p.contains("["))).ifPresent(p -> add(TemplateRules.PYTHON_INTERNALS,
                    "str.format", "str.format with a field that reads attributes or items: '" + shorten(p) + "'",
                    c.offset()));
        }
    }

    /** A string constant (possibly assembled from pieces) that spells an internal name. */
    private void internalString(Expr e) {
        if (e instanceof Literal l && !(l.value() instanceof String)) {
            return;
        }
        folder.string(e).filter(InternalNames::isInternal).ifPresent(s -> add(TemplateRules.INTERNAL_NAME_STRING, s,
                "holds the internal name '" + s + "' as a string", e.offset()));
        for (Expr child : Expr.children(e)) {
            consumed.add(child);
        }
    }

    /** True when an expression assembles a string at render time (the tools of name obfuscation). */
    private boolean isBuiltString(Expr e) {
        return isBuiltString(e, new java.util.HashSet<>());
    }

    /** {@code seen} holds the variables already followed, so each is expanded once. */
    private boolean isBuiltString(Expr e, Set<String> seen) {
        if (e instanceof Binary b) {
            return b.op().equals("~") || ((b.op().equals("+") || b.op().equals("%") || b.op().equals("*"))
                    && (isStringish(b.left(), seen) || isStringish(b.right(), seen)));
        }
        if (e instanceof Filter f) {
            return ConstantFolder.STRING_BUILDERS.contains(f.name());
        }
        if (e instanceof Call c && c.callee() instanceof GetAttr g) {
            return ConstantFolder.STRING_BUILDERS.contains(g.name());
        }
        if (e instanceof GetItem g) {
            return g.index() instanceof Slice;
        }
        if (e instanceof Name n && seen.add(n.id())) {
            return template.assignments().getOrDefault(n.id(), List.of()).stream()
                    .anyMatch(v -> isBuiltString(v, seen));
        }
        return false;
    }

    private boolean isStringish(Expr e, Set<String> seen) {
        return (e instanceof Literal l && l.value() instanceof String) || isBuiltString(e, seen);
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    private void add(io.modelgate.scanner.model.Rule rule, String subject, String detail, int offset) {
        issues.add(new TemplateIssue(rule, subject, detail, offset));
    }
}
