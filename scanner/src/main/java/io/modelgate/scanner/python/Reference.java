package io.modelgate.scanner.python;

import io.modelgate.scanner.python.PythonToken.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A dotted reference in the token stream, resolved to a qualified name through the imports, and
 * the call that follows it, if any. Also resolves the two common indirections
 * {@code __import__('os').system} / {@code importlib.import_module('os').system} and
 * {@code getattr(os, 'system')}.
 *
 * @param qualified resolved dotted name
 * @param start     index of the first token
 * @param end       index of the first token after the reference
 * @param tokens    the token stream
 */
record Reference(String qualified, int start, int end, List<PythonToken> tokens) {

    private static final Pattern OUTSIDE_PATH = Pattern.compile("^(?:/|~|[A-Za-z]:[\\\\/]|\\\\\\\\)");
    private static final int MAX_ARGUMENT_TOKENS = 10_000;

    /** The reference starting at {@code start}, or null when its first name was never imported. */
    static Reference read(List<PythonToken> tokens, int start, ImportTable imports, boolean torchScript) {
        String first = tokens.get(start).text();
        String name = imports.resolve(first);
        if (name == null && CallTables.BUILTINS.contains(first)) {
            name = "builtins." + first;
        } else if (name == null && torchScript && (first.equals("torch") || first.equals("ops"))) {
            name = first;
        }
        if (name == null) {
            return null;
        }
        int i = start + 1;
        while (true) {
            if (tokens.get(i).isOp(".") && tokens.get(i + 1).type() == Type.NAME) {
                name = name + "." + tokens.get(i + 1).text();
                i += 2;
            } else if (CallTables.IMPORTERS.contains(name) && tokens.get(i).isOp("(")
                    && tokens.get(i + 1).type() == Type.STRING && tokens.get(i + 2).isOp(")")) {
                name = tokens.get(i + 1).text();
                i += 3;
            } else if (name.equals("builtins.getattr") && tokens.get(i).isOp("(")
                    && tokens.get(i + 1).type() == Type.NAME && tokens.get(i + 2).isOp(",")
                    && tokens.get(i + 3).type() == Type.STRING && tokens.get(i + 4).isOp(")")
                    && imports.resolve(tokens.get(i + 1).text()) != null) {
                name = imports.resolve(tokens.get(i + 1).text()) + "." + tokens.get(i + 3).text();
                i += 5;
            } else {
                return new Reference(name, start, i, tokens);
            }
        }
    }

    boolean isCall() {
        return tokens.get(end).isOp("(");
    }

    /** Index of the parenthesis closing the call (or the last token before the end of the stream). */
    private int closing() {
        int depth = 0;
        for (int i = end; i < tokens.size() && i < end + MAX_ARGUMENT_TOKENS; i++) {
            PythonToken t = tokens.get(i);
            if (t.isOp("(") || t.isOp("[") || t.isOp("{")) {
                depth++;
            } else if ((t.isOp(")") || t.isOp("]") || t.isOp("}")) && --depth == 0) {
                return i;
            } else if (t.type() == Type.END) {
                return i;
            }
        }
        return Math.min(tokens.size() - 1, end + MAX_ARGUMENT_TOKENS);
    }

    /** Top-level arguments of the call as [from, to) token index pairs. */
    private List<int[]> arguments() {
        List<int[]> args = new ArrayList<>();
        if (!isCall()) {
            return args;
        }
        int close = closing();
        int depth = 0;
        int from = end + 1;
        for (int i = end + 1; i < close; i++) {
            PythonToken t = tokens.get(i);
            if (t.isOp("(") || t.isOp("[") || t.isOp("{")) {
                depth++;
            } else if (t.isOp(")") || t.isOp("]") || t.isOp("}")) {
                depth--;
            } else if (t.isOp(",") && depth == 0) {
                args.add(new int[]{from, i});
                from = i + 1;
            }
        }
        if (from < close) {
            args.add(new int[]{from, close});
        }
        return args;
    }

    /** Positional argument {@code index} when it is a plain (non-f) string constant. */
    Optional<String> constantArgument(int index) {
        List<int[]> args = arguments().stream().filter(a -> !isKeyword(a)).toList();
        return index < args.size() ? constant(args.get(index)) : Optional.empty();
    }

    private Optional<String> keywordConstant(String keyword) {
        for (int[] a : arguments()) {
            if (isKeyword(a) && tokens.get(a[0]).text().equals(keyword)) {
                return constant(new int[]{a[0] + 2, a[1]});
            }
        }
        return Optional.empty();
    }

    private boolean isKeyword(int[] arg) {
        return arg[1] - arg[0] >= 2 && tokens.get(arg[0]).type() == Type.NAME && tokens.get(arg[0] + 1).isOp("=");
    }

    private Optional<String> constant(int[] range) {
        StringBuilder value = new StringBuilder();
        for (int i = range[0]; i < range[1]; i++) {
            PythonToken t = tokens.get(i);
            if (t.type() != Type.STRING || (t.flags() & PythonToken.FORMATTED) != 0) {
                return Optional.empty();
            }
            value.append(t.text());
        }
        return range[1] > range[0] ? Optional.of(value.toString()) : Optional.empty();
    }

    /** True when a call inside the arguments resolves to a name accepted by {@code test}. */
    boolean argumentsCall(List<PythonToken> all, ImportTable imports, Predicate<String> test) {
        if (!isCall()) {
            return false;
        }
        int close = closing();
        for (int i = end + 1; i < close; i++) {
            if (all.get(i).type() == Type.NAME && !all.get(i - 1).isOp(".")) {
                Reference inner = read(all, i, imports, false);
                if (inner != null && test.test(inner.qualified())) {
                    return true;
                }
            }
        }
        return false;
    }

    boolean argumentsContainString(Predicate<String> test) {
        if (!isCall()) {
            return false;
        }
        int close = closing();
        for (int i = end + 1; i < close; i++) {
            if (tokens.get(i).type() == Type.STRING && test.test(tokens.get(i).text())) {
                return true;
            }
        }
        return false;
    }

    /** A string starting with '/', '~', a drive letter or a UNC prefix in argument {@code index} (-1: any). */
    boolean hasOutsidePath(int index) {
        List<int[]> args = arguments();
        for (int a = 0; a < args.size(); a++) {
            if (index >= 0 && a != index) {
                continue;
            }
            for (int i = args.get(a)[0]; i < args.get(a)[1]; i++) {
                PythonToken t = tokens.get(i);
                if (t.type() == Type.STRING && OUTSIDE_PATH.matcher(t.text()).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The open mode allows writing: 'w', 'a', 'x' or '+' in the mode, or os.open write flags. */
    boolean opensForWriting(String opener) {
        if (opener.equals("os.open")) {
            return argumentsContainName("O_WRONLY", "O_RDWR", "O_CREAT", "O_APPEND", "O_TRUNC");
        }
        Optional<String> mode = constantArgument(1).or(() -> keywordConstant("mode"));
        return mode.isPresent() && mode.get().chars().anyMatch(c -> "wax+".indexOf(c) >= 0);
    }

    private boolean argumentsContainName(String... names) {
        int close = closing();
        for (int i = end + 1; i < close; i++) {
            for (String n : names) {
                if (tokens.get(i).isName(n)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code ref['KEY']}: the constant key. */
    Optional<String> subscriptKey() {
        if (tokens.get(end).isOp("[") && tokens.get(end + 1).type() == Type.STRING && tokens.get(end + 2).isOp("]")) {
            return Optional.of(tokens.get(end + 1).text());
        }
        return Optional.empty();
    }

    /** {@code ref['KEY'] = ...}: a write, not a read. */
    boolean isAssignedTo() {
        return subscriptKey().isPresent() && tokens.get(end + 3).isOp("=");
    }

    /** The reference itself is handed on: {@code f(ref)}, {@code **ref}, {@code for k in ref}. */
    boolean passedWhole() {
        if (start == 0) {
            return false;
        }
        PythonToken prev = tokens.get(start - 1);
        if (prev.isOp("**") || prev.isOp("(") || prev.isOp(",")) {
            return true;
        }
        if (!prev.isName("in")) {
            return false;
        }
        for (int i = start - 1; i >= 0 && tokens.get(i).type() != Type.NEWLINE; i--) {
            if (tokens.get(i).isName("for")) {
                return true;
            }
        }
        return false;
    }
}
