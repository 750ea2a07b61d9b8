package io.modelgate.scanner.tflite;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.flatbuffers.FlatBuffer;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.ops.Distinct;
import io.modelgate.scanner.ops.OpTally;
import io.modelgate.scanner.tensorflow.OpCapability;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * TFLite models: the operator table and every subgraph read by a bounded flatbuffer reader. Flex operations are
 * judged by the TensorFlow operation they run; other custom operators need native code of the application and are
 * reviewed, except the few the TFLite runtime itself registers.
 */
public final class TfliteAnalyzer implements FormatAnalyzer {

    /** Custom operators whose kernels ship with the TFLite runtime's own resolver. */
    private static final Set<String> RUNTIME_CUSTOM_OPS = Set.of("TFLite_Detection_PostProcess", "AudioSpectrogram",
            "Mfcc");

    @Override
    public Set<ModelFormat> formats() {
        return Set.of(ModelFormat.TFLITE);
    }

    @Override
    public void analyze(ByteSource source, AnalysisContext context) throws IOException {
        FlatBuffer buffer = FlatBuffer.of(source, FlatBuffer.DEFAULT_MAX_TABLES);
        String identifier = buffer.identifier();
        if (!identifier.equals(TfliteDetector.IDENTIFIER)) {
            context.incomplete("format not analysed: no TFLite file identifier (TFL3) in a file named like a TFLite "
                    + "model");
            return;
        }
        TfliteModelReader.Model model = new TfliteModelReader(context.deadline()).read(buffer);
        context.fact("tflite.version", model.version());
        context.fact("tflite.subgraphs", model.subgraphs());
        context.fact("tflite.operatorCount", model.operators());
        context.fact("tflite.tensorCount", model.tensors());
        context.fact("tflite.bufferCount", model.buffers());
        context.fact("tflite.operators", model.uses());
        Set<String> custom = new TreeSet<>();
        for (TfliteOperator code : model.codes()) {
            if (!code.isCustom() || custom.contains(code.custom())) {
                continue;
            }
            if (!Distinct.add(custom, code.custom())) {
                context.limitReached("more than " + OpTally.MAX_DISTINCT + " distinct custom operators");
                break;
            }
            judge(code, context);
        }
        if (!custom.isEmpty()) {
            context.fact("tflite.customOperators", List.copyOf(custom));
        }
    }

    private static void judge(TfliteOperator code, AnalysisContext context) {
        String flex = code.flexOp();
        if (flex == null) {
            if (!RUNTIME_CUSTOM_OPS.contains(code.custom())) {
                context.report(TfliteRules.CUSTOM_OPERATOR, code.custom(), "Operator code " + code.index()
                        + " is the custom operator '" + code.custom() + "', whose kernel the application must supply.");
            }
            return;
        }
        Optional<OpCapability> capability = OpCapability.of(flex);
        if (capability.isEmpty()) {
            return;
        }
        switch (capability.get()) {
            case DIAGNOSTIC -> context.report(TfliteRules.FLEX_DIAGNOSTIC, code.custom(), "The Flex operation "
                    + code.custom() + " runs TensorFlow's " + flex + ", which writes diagnostics to a destination "
                    + "named by the model.");
            default -> context.report(TfliteRules.FLEX_REACHES_OUT, code.custom(), "The Flex operation "
                    + code.custom() + " runs TensorFlow's " + flex + " (" + describe(capability.get())
                    + ") when the interpreter runs the model.");
        }
    }

    private static String describe(OpCapability capability) {
        return switch (capability) {
            case PYTHON -> "calls a Python function of the process";
            case FILE_WRITE -> "writes files";
            case FILE_READ -> "reads files";
            case NETWORK -> "opens network connections";
            case PATH_INPUT -> "reads or writes checkpoint or table files at a path the model supplies";
            case GRAPH_INPUT -> "builds and runs a graph from bytes";
            case DIAGNOSTIC -> "writes diagnostics";
        };
    }
}
