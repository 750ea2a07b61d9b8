package io.modelgate.scanner.onnx;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.ops.OpTally;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What was seen in one ONNX model, bounded in size whatever the model holds: header fields, operator
 * usage, tensor counts, and the first node of each operator from a non-standard domain.
 */
final class OnnxInventory {

    private static final int MAX_DISTINCT = OpTally.MAX_DISTINCT;

    private Long irVersion;
    private String producer;
    private final List<String> opsets = new ArrayList<>();
    private final OpTally ops = new OpTally();
    private final Set<String> localFunctions = new HashSet<>();
    private long initializers;
    private long parameters;

    void irVersion(long version) {
        irVersion = version;
    }

    void producer(String name, String version) {
        producer = version.isEmpty() ? name : name + " " + version;
    }

    void opset(String domain, long version) {
        if (opsets.size() < MAX_DISTINCT) {
            opsets.add((domain.isEmpty() ? "ai.onnx" : domain) + ":" + version);
        }
    }

    void localFunction(String domain, String name) {
        if (localFunctions.size() < 100 * MAX_DISTINCT) {
            localFunctions.add(key(OnnxDomains.canonical(domain), name));
        }
    }

    void node(String domain, String opType, String nodeName, String scope) {
        String canonical = OnnxDomains.canonical(domain);
        String key = canonical.isEmpty() ? opType : canonical + ":" + opType;
        ops.add(key, canonical, opType, nodeName, scope, OnnxDomains.classify(canonical) != OnnxDomains.Kind.STANDARD);
    }

    void initializer(OnnxTensor tensor) {
        initializers++;
        long count = tensor.elementCount().orElse(0);
        parameters = count > Long.MAX_VALUE - parameters ? Long.MAX_VALUE : parameters + count;
    }

    /** Facts, and a finding per operator from a non-standard domain that no model-local function defines. */
    void report(AnalysisContext context) {
        if (irVersion != null) {
            context.fact("onnx.irVersion", irVersion);
        }
        if (producer != null) {
            context.fact("onnx.producer", producer);
        }
        context.fact("onnx.opsets", List.copyOf(opsets));
        context.fact("onnx.opTypes", ops.counts());
        if (ops.countsTruncated()) {
            context.fact("onnx.opTypesTruncated", true);
        }
        context.fact("onnx.nodeCount", ops.total());
        context.fact("onnx.initializerCount", initializers);
        context.fact("onnx.parameterCount", parameters);
        for (OpTally.Use use : ops.notable()) {
            if (localFunctions.contains(key(use.domain(), use.op()))) {
                continue;
            }
            boolean runtime = OnnxDomains.classify(use.domain()) == OnnxDomains.Kind.RUNTIME;
            String message = "Operator " + use.op() + " from " + (runtime ? "runtime" : "custom") + " domain '"
                    + use.domain() + "' used by " + use.where()
                    + (runtime ? "." : "; it needs a native operator library that is not part of the model.");
            context.report(runtime ? OnnxRules.RUNTIME_DOMAIN : OnnxRules.CUSTOM_DOMAIN,
                    use.domain() + ":" + use.op(), message);
        }
        if (ops.notableTruncated()) {
            context.limitReached("more than " + OpTally.MAX_DISTINCT + " distinct operators from non-standard domains");
        }
    }

    private static String key(String domain, String name) {
        return domain + '\u0000' + name;
    }
}
