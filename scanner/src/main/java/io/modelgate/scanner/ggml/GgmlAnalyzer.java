package io.modelgate.scanner.ggml;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.analysis.FormatProblem;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.util.Set;

/**
 * Checks a pre-GGUF llama.cpp file (ggml, ggmf, ggjt, ggla): every record read with bounds to the end of the
 * file. These formats carry no code and no template; what can go wrong is a record built to break the old
 * loaders, and anything not read to the end leaves the file incomplete.
 */
public final class GgmlAnalyzer implements FormatAnalyzer {

    @Override
    public Set<ModelFormat> formats() {
        return Set.of(ModelFormat.GGML_LEGACY);
    }

    @Override
    public void analyze(ByteSource source, AnalysisContext context) throws IOException {
        LegacyGgmlFile file = new GgmlReader(source, context.deadline()).read();
        context.fact("ggml.variant", file.variant().label());
        if (file.variant().versioned()) {
            context.fact("ggml.version", file.version());
        }
        if (file.variant().vocabulary && file.hyperparameters().size() == 7) {
            context.fact("ggml.vocabularySize", file.vocabulary());
            context.fact("ggml.embeddingLength", file.hyperparameters().get(1));
            context.fact("ggml.layers", file.hyperparameters().get(4));
            context.fact("ggml.fileType", file.hyperparameters().get(6));
        }
        context.fact("ggml.tensorCount", file.tensors());
        FormatProblem.reportAll(file.problems(), FormatProblem.MAX_REPORTED, GgmlRules.MALFORMED_TENSOR, context);
        if (file.fatal() != null) {
            FormatProblem f = file.fatal();
            context.report(f.rule(), f.offset(), f.subject(), f.message());
            context.incomplete("legacy GGML reading stopped: " + f.message());
        } else if (file.stopped() != null) {
            context.incomplete(file.stopped());
        } else if (file.tensors() == 0) {
            context.incomplete("the " + file.variant().label() + " file holds no tensor");
        }
    }
}
