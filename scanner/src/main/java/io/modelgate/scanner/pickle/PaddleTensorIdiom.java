package io.modelgate.scanner.pickle;

import java.util.List;

/**
 * paddle.save pickles a LoDTensor as {@code eval('data', {'data': array})}: the expression is the constant name
 * {@code data}, looked up in a plain dict of globals, so the call only returns the array. Only that exact form
 * is recognised; {@code builtins.eval} anywhere else (another expression, other globals, the function handed on
 * as a value) stays a dangerous call.
 */
final class PaddleTensorIdiom {

    private static final int MAX_SEARCH_DEPTH = 6;
    private static final int MAX_SEARCH_ITEMS = 256;

    private PaddleTensorIdiom() {
    }

    static boolean isEval(PickleValue.Global global) {
        return global.module().equals("builtins") && global.name().equals("eval");
    }

    /** {@code eval('data', {'data': x})} with a complete constant expression and a plain dict as globals. */
    static boolean matches(CallSite site) {
        if (site.kind() != CallSite.Kind.REDUCE || !(site.callee() instanceof PickleValue.Global g) || !isEval(g)
                || site.args().size() != 2) {
            return false;
        }
        boolean expression = site.args().get(0) instanceof PickleValue.Str s && s.complete() && s.text().equals("data");
        return expression && site.args().get(1) instanceof PickleValue.Dict globals && globals.dropped() == 0
                && globals.keys().size() == 1 && globals.keys().get(0) instanceof PickleValue.Str key
                && key.complete() && key.text().equals("data");
    }

    /** True when eval may be reachable as a value among the arguments (searched to a bounded depth). */
    static boolean handsOnEval(List<PickleValue> args) {
        int[] budget = {MAX_SEARCH_ITEMS};
        for (PickleValue arg : args) {
            if (mentions(arg, 0, budget)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentions(PickleValue value, int depth, int[] budget) {
        if (--budget[0] < 0 || depth > MAX_SEARCH_DEPTH) {
            // Search bounded: whatever would receive eval deeper than this is itself a call judged on its own.
            return false;
        }
        if (value instanceof PickleValue.Global g) {
            return isEval(g);
        }
        if (value instanceof PickleValue.Sequence s) {
            for (PickleValue item : s.items()) {
                if (mentions(item, depth + 1, budget)) {
                    return true;
                }
            }
        }
        if (value instanceof PickleValue.Dict d) {
            for (int i = 0; i < d.keys().size(); i++) {
                if (mentions(d.keys().get(i), depth + 1, budget) || mentions(d.values().get(i), depth + 1, budget)) {
                    return true;
                }
            }
        }
        if (value instanceof PickleValue.Call c) {
            return mentions(c.site().callee(), depth + 1, budget) || c.site().args().stream()
                    .anyMatch(a -> mentions(a, depth + 1, budget));
        }
        return false;
    }
}
