package io.modelgate.scanner.tensorflow;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.protobuf.ProtoReader;

import java.io.IOException;
import java.util.Set;

/** Lists the operations of a SavedModel or frozen GraphDef and flags those that reach outside the graph. */
public final class TensorflowAnalyzer implements FormatAnalyzer {

    @Override
    public Set<ModelFormat> formats() {
        return Set.of(ModelFormat.TF_SAVED_MODEL, ModelFormat.TF_GRAPHDEF);
    }

    @Override
    public void analyze(ByteSource source, AnalysisContext context) throws IOException {
        TensorflowGraphReader reader = new TensorflowGraphReader(context);
        ProtoReader root = ProtoReader.of(source, ProtoReader.DEFAULT_MAX_DEPTH);
        boolean savedModel = TensorflowDetector.isSavedModel(source, context.path().leafName());
        try {
            if (savedModel) {
                reader.readSavedModel(root);
            } else {
                reader.readGraphDef(root, "the graph");
            }
        } finally {
            // What was read before a malformed part still counts (the engine marks the file incomplete).
            reader.report();
        }
    }
}
