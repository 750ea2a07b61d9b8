package io.modelgate.scanner.executorch;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.flatbuffers.FlatBuffer;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.ops.Distinct;
import io.modelgate.scanner.ops.OpTally;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * ExecuTorch programs: operators and delegates of every execution plan read by a bounded flatbuffer reader.
 * Operators outside the ATen and ExecuTorch kernel libraries and delegates to unknown backends are reviewed, and
 * each delegate payload is handed back to detection (a payload that is an executable or an archive is analysed
 * as one).
 */
public final class ExecutorchAnalyzer implements FormatAnalyzer {

    private static final Set<String> KERNEL_NAMESPACES = Set.of("aten", "executorch_prim", "dim_order_ops",
            "quantized_decomposed", "torchao", "llama");
    private static final Set<String> BACKENDS = Set.of("XnnpackBackend", "CoreMLBackend", "MPSBackend", "QnnBackend",
            "VulkanBackend", "ArmBackend", "EthosUBackend", "VgfBackend", "NeuronBackend", "OpenvinoBackend",
            "ExynosBackend", "NeutronBackend", "CudaBackend", "MetalBackend");

    @Override
    public Set<ModelFormat> formats() {
        return Set.of(ModelFormat.EXECUTORCH);
    }

    @Override
    public void analyze(ByteSource source, AnalysisContext context) throws IOException {
        byte[] head = source.prefix(8);
        if (!ExecutorchDetector.hasIdentifier(head)) {
            context.incomplete("format not analysed: no ExecuTorch file identifier (ET and a version) in a file "
                    + "named like an ExecuTorch program");
            return;
        }
        Optional<ExtendedHeader> header = ExtendedHeader.read(source);
        ByteSource flatbuffer = header.map(h -> h.programSize() == 0 ? source : source.slice(0, h.programSize()))
                .orElse(source);
        ProgramReader.Program program = new ProgramReader(context.deadline())
                .read(FlatBuffer.of(flatbuffer, FlatBuffer.DEFAULT_MAX_TABLES), header);
        context.fact("executorch.schema", new String(head, 4, 4, java.nio.charset.StandardCharsets.US_ASCII));
        context.fact("executorch.version", program.version());
        context.fact("executorch.plans", program.plans());
        context.fact("executorch.instructionCount", program.instructions());
        Map<String, Long> operators = new TreeMap<>();
        Set<String> reviewed = new TreeSet<>();
        for (ProgramReader.Operator operator : program.operators()) {
            String label = operator.overload().isEmpty() ? operator.name() : operator.name() + "." + operator.overload();
            Distinct.count(operators, label);
            if (!KERNEL_NAMESPACES.contains(operator.namespace()) && !reviewed.contains(operator.name())) {
                if (!Distinct.add(reviewed, operator.name())) {
                    context.limitReached("more than " + OpTally.MAX_DISTINCT + " distinct operators to review");
                    break;
                }
                context.report(ExecutorchRules.CUSTOM_OPERATOR, operator.name(), "The program calls '" + label
                        + "', outside the ATen and ExecuTorch kernel libraries.");
            }
        }
        context.fact("executorch.operators", operators);
        Set<String> backends = new TreeSet<>();
        int index = 0;
        for (ProgramReader.Delegate delegate : program.delegates()) {
            Distinct.add(backends, delegate.backend());
            if (!BACKENDS.contains(delegate.backend()) && !reviewed.contains("backend " + delegate.backend())
                    && Distinct.add(reviewed, "backend " + delegate.backend())) {
                context.report(ExecutorchRules.UNKNOWN_BACKEND, delegate.backend(), "Plan '" + delegate.plan()
                        + "' delegates to the backend '" + delegate.backend() + "'.");
            }
            if (delegate.payloadSize() > 0) {
                context.scanEmbedded("delegate-" + index + "-" + safe(delegate.backend()),
                        source.slice(delegate.payloadOffset(), delegate.payloadSize()));
            }
            index++;
        }
        context.fact("executorch.backends", backends);
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
