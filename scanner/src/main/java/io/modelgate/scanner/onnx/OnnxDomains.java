package io.modelgate.scanner.onnx;

import java.util.Set;

/** Classifies operator domains: the ONNX standard sets, well-known runtimes' contrib sets, and the rest. */
final class OnnxDomains {

    enum Kind { STANDARD, RUNTIME, CUSTOM }

    private static final Set<String> STANDARD = Set.of("", "ai.onnx", "ai.onnx.ml", "ai.onnx.training",
            "ai.onnx.preview.training");

    /** Contrib domains of ONNX Runtime and of the PyTorch exporter's ATen fallback. */
    private static final Set<String> RUNTIME = Set.of("com.microsoft", "com.microsoft.nchwc",
            "com.microsoft.experimental", "com.microsoft.dml", "com.ms.internal.nhwc", "org.pytorch.aten");

    private OnnxDomains() {
    }

    static Kind classify(String domain) {
        if (STANDARD.contains(domain)) {
            return Kind.STANDARD;
        }
        return RUNTIME.contains(domain) ? Kind.RUNTIME : Kind.CUSTOM;
    }

    /** The default domain has two spellings. */
    static String canonical(String domain) {
        return domain.equals("ai.onnx") ? "" : domain;
    }
}
