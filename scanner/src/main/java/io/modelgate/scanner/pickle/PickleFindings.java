package io.modelgate.scanner.pickle;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.model.Rule;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns what the interpreter saw in one pickle into findings: every imported global is classified
 * against the {@link GlobalPolicy}, calls are attached to what they call, and embedded payloads
 * handed to loaders are analysed as nested pickles. Memory stays bounded however many imports and
 * calls the stream holds.
 */
final class PickleFindings implements PickleListener {

    /** Distinct globals remembered per pickle; beyond that, the analysis is marked incomplete. */
    static final int MAX_DISTINCT_GLOBALS = 10_000;
    /** Call sites shown per dangerous or unreviewed global. */
    private static final int MAX_SITES = 5;
    /** Findings of one rule per pickle for constructs not tied to an import. */
    private static final int MAX_PER_RULE = 50;
    /** Embedded payloads analysed per pickle (a pickled state dict has one per tensor). */
    static final int MAX_PAYLOADS = 10_000;

    /** Everything known about one imported global. */
    private static final class Use {
        final PickleValue.Global first;
        final GlobalPolicy.Decision decision;
        final List<CallSite> sites = new ArrayList<>();
        long calls;
        /** paddle.save's eval('data', {'data': array}) calls, which only return the array. */
        long paddleTensors;

        Use(PickleValue.Global first, GlobalPolicy.Decision decision) {
            this.first = first;
            this.decision = decision;
        }
    }

    private record Payload(CallSite site, GlobalPolicy.Decision decision, PickleValue data) {
    }

    private final AnalysisContext context;
    private final GlobalPolicy policy;
    private final IndirectReach reach;
    private final Map<String, Use> uses = new LinkedHashMap<>();
    private final List<Payload> payloads = new ArrayList<>();
    private final Map<Rule, Integer> reported = new LinkedHashMap<>();
    private boolean overflow;
    /** builtins.eval appeared as a value handed to a call: the Paddle exemption no longer holds. */
    private boolean evalHandedOn;

    PickleFindings(AnalysisContext context, GlobalPolicy policy) {
        this.context = context;
        this.policy = policy;
        this.reach = new IndirectReach(policy);
    }

    /** The distinct resolved globals seen, sorted. */
    Set<String> globals() {
        return new TreeSet<>(uses.keySet());
    }

    @Override
    public void imported(PickleValue.Global global) {
        use(global);
    }

    private Use use(PickleValue.Global global) {
        Use use = uses.get(global.qualified());
        if (use != null) {
            return use;
        }
        GlobalPolicy.Decision decision = policy.classify(global);
        if (uses.size() >= MAX_DISTINCT_GLOBALS) {
            if (!overflow) {
                overflow = true;
                context.limitReached("more than " + MAX_DISTINCT_GLOBALS + " distinct globals in one pickle");
            }
            if (decision.verdict() == GlobalPolicy.Verdict.DENY) {
                // Too many to remember: a dangerous one is still reported on its own (the count is bounded).
                limited(PickleRules.DANGEROUS_IMPORT, global.offset(), global.qualified(),
                        "The pickle imports " + global.qualified() + ", which " + decision.reason() + ".");
            }
            return null;
        }
        use = new Use(global, decision);
        uses.put(global.qualified(), use);
        return use;
    }

    @Override
    public void called(CallSite site) {
        if (!evalHandedOn && PaddleTensorIdiom.handsOnEval(site.args())) {
            evalHandedOn = true;
        }
        if (site.callee() instanceof PickleValue.Global global) {
            Use use = use(global);
            if (use == null) {
                return;
            }
            if (PaddleTensorIdiom.matches(site)) {
                use.paddleTensors++;
                return;
            }
            use.calls++;
            if (use.sites.size() < MAX_SITES) {
                use.sites.add(site);
            }
            if (use.decision.verdict() == GlobalPolicy.Verdict.INDIRECT) {
                judgeIndirect(global, site);
            }
            if (use.decision.payload() != GlobalPolicy.Payload.NONE && !site.args().isEmpty()) {
                if (payloads.size() < MAX_PAYLOADS) {
                    payloads.add(new Payload(site, use.decision, unwrapStream(site.args().get(0))));
                } else if (payloads.size() == MAX_PAYLOADS) {
                    payloads.add(null);
                    context.limitReached("more than " + MAX_PAYLOADS + " embedded payloads in one pickle");
                }
            }
        } else if (site.callee() instanceof PickleValue.Extension extension) {
            limited(PickleRules.EXTENSION_OPCODE, extension.offset(), "extension code " + extension.code(),
                    "Loading " + site.kind().verb() + " the object registered under copyreg extension code "
                            + extension.code() + ": " + ValueRenderer.call(site)
                            + ". The default registry is empty, so the real target is unknown.");
        } else {
            limited(PickleRules.UNRESOLVED_CALL, site.offset(), ValueRenderer.value(site.callee()),
                    "Loading " + site.kind().verb() + " a target computed at load time, not an imported name: "
                            + ValueRenderer.call(site) + ".");
        }
    }

    /** partial/getattr: each call is judged by what it reaches, not by the gadget's name. */
    private void judgeIndirect(PickleValue.Global gadget, CallSite site) {
        IndirectReach.Judgement judgement = reach.judge(gadget, site);
        if (!judgement.safe()) {
            limited(PickleRules.INDIRECT_REACH, site.offset(), judgement.subject(),
                    "Loading " + site.kind().verb() + " " + ValueRenderer.call(site) + ": " + gadget.qualified()
                            + " reaches " + judgement.subject() + ", and " + judgement.why() + ".");
        }
    }

    /** {@code pickle.load(io.BytesIO(data))} and friends: the payload is the stream's initial bytes. */
    private static PickleValue unwrapStream(PickleValue value) {
        if (value instanceof PickleValue.Call call && call.site.callee() instanceof PickleValue.Global g
                && (g.qualified().equals("io.BytesIO") || g.qualified().equals("_io.BytesIO"))
                && !call.site.args().isEmpty()) {
            return call.site.args().get(0);
        }
        return value;
    }

    @Override
    public void extension(PickleValue.Extension extension) {
        limited(PickleRules.EXTENSION_OPCODE, extension.offset(), "extension code " + extension.code(),
                "The pickle imports the global registered under copyreg extension code " + extension.code()
                        + ". The default registry is empty, so what it refers to cannot be known from the file.");
    }

    @Override
    public void mutated(Opcode opcode, PickleValue.Global target, long offset) {
        use(target);
        limited(PickleRules.MUTATES_GLOBAL, offset, target.qualified(),
                opcode + " on the imported object " + target.qualified() + " changes it in place when the pickle "
                        + "is loaded (attributes or contents of a live module-level object).");
    }

    @Override
    public void badStackGlobal(PickleValue module, PickleValue name, long offset) {
        limited(PickleRules.UNRESOLVED_CALL, offset, "STACK_GLOBAL",
                "STACK_GLOBAL takes its module and name from values that are not both plain strings (module "
                        + ValueRenderer.value(module) + ", name " + ValueRenderer.value(name)
                        + "); the import cannot be resolved statically.");
    }

    private void limited(Rule rule, long offset, String subject, String message) {
        int count = reported.merge(rule, 1, Integer::sum);
        if (count <= MAX_PER_RULE) {
            context.report(rule, offset, subject, message);
        }
    }

    /** Reports the imports and runs the nested payload analyses; call once the pickle ended or broke. */
    void finish() throws IOException {
        for (Use use : uses.values()) {
            reportImport(use);
        }
        Map<String, List<Payload>> trusted = new LinkedHashMap<>();
        for (Payload payload : payloads) {
            if (payload != null && NestedPayloads.analyse(context, payload.site(), payload.decision(), payload.data())) {
                trusted.computeIfAbsent(ValueRenderer.value(payload.site().callee()), k -> new ArrayList<>())
                        .add(payload);
            }
        }
        for (Map.Entry<String, List<Payload>> e : trusted.entrySet()) {
            Payload first = e.getValue().get(0);
            long at = first.site().offset();
            context.report(PickleRules.NESTED_CHECKPOINT, at, e.getKey(), e.getKey() + " rebuilds "
                    + e.getValue().size() + " object(s) from bytes carried in the pickle; each is analysed as a nested "
                    + "artifact (first: " + context.path().child(NestedPayloads.nestedName(
                            first.decision().payload(), at)) + ").");
        }
        for (Map.Entry<Rule, Integer> e : reported.entrySet()) {
            if (e.getValue() > MAX_PER_RULE) {
                context.report(e.getKey(), e.getKey().id() + " (further occurrences)",
                        (e.getValue() - MAX_PER_RULE) + " further occurrences of this rule in the same pickle were "
                                + "not listed one by one.");
            }
        }
    }

    private void reportImport(Use use) {
        PickleValue.Global g = use.first;
        String name = g.qualified() + (g.writtenModule() == null ? ""
                : " (written " + g.writtenModule() + "." + g.writtenName() + ")");
        switch (use.decision.verdict()) {
            case ALLOW -> { }
            case INDIRECT -> {
                // Its calls were judged one by one; a reference handed on uncalled is a gadget chain.
                if (use.calls == 0) {
                    context.report(PickleRules.DANGEROUS_IMPORT, g.offset(), g.qualified(),
                            "The pickle imports " + name + ", which " + use.decision.reason()
                                    + "; it is never called directly here, so what it will reach cannot be judged.");
                }
            }
            case DENY -> {
                if (use.sites.isEmpty() && use.paddleTensors > 0 && !evalHandedOn) {
                    return; // only paddle.save's tensor idiom, which evaluates a constant name
                }
                if (use.sites.isEmpty()) {
                    context.report(PickleRules.DANGEROUS_IMPORT, g.offset(), g.qualified(),
                            "The pickle imports " + name + ", which " + use.decision.reason()
                                    + ". No direct call is visible, but the reference can be invoked indirectly.");
                    return;
                }
                for (int i = 0; i < use.sites.size(); i++) {
                    CallSite site = use.sites.get(i);
                    long more = use.calls - use.sites.size();
                    context.report(PickleRules.DANGEROUS_CALL, site.offset(), g.qualified(),
                            "Loading this pickle " + site.kind().verb() + " " + ValueRenderer.call(site) + ": "
                                    + name + " " + use.decision.reason() + "."
                                    + (i == use.sites.size() - 1 && more > 0 ? " (" + more + " more calls)" : ""));
                }
            }
            case REVIEW, UNKNOWN -> {
                String why = use.decision.verdict() == GlobalPolicy.Verdict.REVIEW
                        ? "is listed for review (" + use.decision.reason() + "), not allowlisted"
                        : "is outside the reviewed namespaces (on no list)";
                String calls = use.sites.isEmpty() ? " It is imported but not called directly."
                        : " Loading " + use.sites.get(0).kind().verb() + " " + ValueRenderer.call(use.sites.get(0))
                        + (use.calls > 1 ? " (" + use.calls + " calls in total)" : "") + ".";
                context.report(PickleRules.UNKNOWN_IMPORT, g.offset(), g.qualified(),
                        "The pickle imports " + name + ", which " + why + "; loading imports module " + g.module()
                                + " (running its code)." + calls);
            }
        }
    }
}
