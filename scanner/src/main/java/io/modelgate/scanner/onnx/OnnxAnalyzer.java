package io.modelgate.scanner.onnx;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.protobuf.ProtoReader;

import java.io.IOException;
import java.util.Set;

/** Inventories an ONNX model and checks its operator domains and tensor data placement. */
public final class OnnxAnalyzer implements FormatAnalyzer {

    @Override
    public Set<ModelFormat> formats() {
        return Set.of(ModelFormat.ONNX);
    }

    @Override
    public void analyze(ByteSource source, AnalysisContext context) throws IOException {
        ExternalDataLocator locator = new ExternalDataLocator(context.diskPath(), context.path().leafName());
        OnnxInventory inventory = new OnnxInventory();
        OnnxModelReader reader = new OnnxModelReader(new TensorChecker(context, locator), inventory, context.deadline());
        try {
            reader.readModel(ProtoReader.of(source, ProtoReader.DEFAULT_MAX_DEPTH));
        } finally {
            // What was read before a malformed part still counts (the engine marks the file incomplete).
            inventory.report(context);
        }
    }
}
