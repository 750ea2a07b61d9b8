package io.modelgate.scanner.pickle;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Judges a call of an indirection gadget ({@code functools.partial}, {@code getattr}; verdict
 * {@code indirect} in the policy) by what it reaches. Real whole-model checkpoints use both: layer
 * factories are pickled as {@code partial(LayerNorm, eps=1e-6)} and bound methods as
 * {@code getattr(instance, 'method')}. Over allowlisted callables and objects that is safe; over anything
 * else (a denied or unreviewed global, a value computed at load time, a dunder attribute) it is the
 * classic way to reach a dangerous callable without importing it by name.
 */
final class IndirectReach {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Deepest chain of gadgets followed (partial of getattr of ...); deeper is judged unsafe. */
    private static final int MAX_DEPTH = 8;

    /**
     * @param safe    whether the call reaches only allowlisted things
     * @param subject what it reaches: a resolved {@code module.name} when known, else the call as rendered
     * @param why     a reviewer's explanation when unsafe
     */
    record Judgement(boolean safe, String subject, String why) {
    }

    private final GlobalPolicy policy;

    IndirectReach(GlobalPolicy policy) {
        this.policy = policy;
    }

    static boolean isGetattr(PickleValue.Global gadget) {
        return gadget.qualified().equals("builtins.getattr");
    }

    /** Judges one call site whose callee is an indirect gadget. */
    Judgement judge(PickleValue.Global gadget, CallSite site) {
        return isGetattr(gadget) ? getattr(site, 0) : partial(site, 0);
    }

    /**
     * {@code partial(func, ...)} and its BUILD, whose state {@code (func, args, kwargs, dict)} replaces the
     * callable: both are judged by {@code func}.
     */
    private Judgement partial(CallSite site, int depth) {
        PickleValue func = null;
        if (site.kind() == CallSite.Kind.BUILD) {
            if (!site.args().isEmpty() && site.args().get(0) instanceof PickleValue.Sequence state
                    && !state.items().isEmpty()) {
                func = state.items().get(0);
            }
        } else if (!site.args().isEmpty()) {
            func = site.args().get(0);
        }
        if (func == null) {
            return unsafe(ValueRenderer.call(site), "the callable it binds is not visible in the pickle");
        }
        return asCallable(func, depth + 1);
    }

    /** {@code getattr(target, 'name')}: a method or attribute of something allowlisted is safe. */
    private Judgement getattr(CallSite site, int depth) {
        List<PickleValue> args = site.args();
        String call = ValueRenderer.call(site);
        if (site.kind() != CallSite.Kind.REDUCE || args.size() < 2 || args.size() > 3) {
            return unsafe(call, "getattr is used in an unexpected way");
        }
        if (!(args.get(1) instanceof PickleValue.Str name && name.complete()
                && PLAIN_NAME.matcher(name.text()).matches() && !name.text().startsWith("__"))) {
            return unsafe(call, "the attribute name is not a plain constant name (dunder names reach interpreter "
                    + "internals)");
        }
        PickleValue target = args.get(0);
        if (target instanceof PickleValue.Global owner) {
            PickleValue.Global attribute = new PickleValue.Global(owner.module(), owner.name() + "." + name.text(),
                    null, null, owner.offset());
            GlobalPolicy.Verdict reached = policy.classify(attribute).verdict();
            if (reached == GlobalPolicy.Verdict.DENY) {
                return unsafe(attribute.qualified(), "the attribute it fetches is on the denylist");
            }
            if (reached == GlobalPolicy.Verdict.ALLOW || policy.classify(owner).verdict() == GlobalPolicy.Verdict.ALLOW) {
                return safe(attribute.qualified());
            }
            return unsafe(attribute.qualified(), "it fetches an attribute of " + owner.qualified()
                    + ", which is not allowlisted");
        }
        if (depth < MAX_DEPTH && ConstantFolding.classOf(target) instanceof PickleValue.Global cls
                && policy.classify(cls).verdict() == GlobalPolicy.Verdict.ALLOW) {
            // A bound method of an object built by an allowlisted class (how Python pickles obj.method).
            return safe(cls.qualified() + "." + name.text());
        }
        return unsafe(call, "it fetches an attribute of " + ValueRenderer.value(target)
                + ", which is not an allowlisted object");
    }

    /** Whether {@code value}, used as a callable, is an allowlisted global or a safe gadget result. */
    private Judgement asCallable(PickleValue value, int depth) {
        if (value instanceof PickleValue.Global global) {
            GlobalPolicy.Verdict verdict = policy.classify(global).verdict();
            if (verdict == GlobalPolicy.Verdict.ALLOW) {
                return safe(global.qualified());
            }
            return unsafe(global.qualified(), verdict == GlobalPolicy.Verdict.DENY
                    ? "the callable it binds is on the denylist" : "the callable it binds is not allowlisted");
        }
        if (depth < MAX_DEPTH && value instanceof PickleValue.Call call
                && call.site().callee() instanceof PickleValue.Global gadget
                && policy.classify(gadget).verdict() == GlobalPolicy.Verdict.INDIRECT) {
            return isGetattr(gadget) ? getattr(call.site(), depth) : partial(call.site(), depth);
        }
        return unsafe(ValueRenderer.value(value), "the callable it binds is computed at load time");
    }

    private static Judgement safe(String subject) {
        return new Judgement(true, subject, "");
    }

    private static Judgement unsafe(String subject, String why) {
        return new Judgement(false, subject, why);
    }
}
