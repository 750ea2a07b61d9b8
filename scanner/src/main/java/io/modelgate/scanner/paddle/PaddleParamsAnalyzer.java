package io.modelgate.scanner.paddle;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.util.Set;

/** Checks a Paddle parameter file: data only, so a well-formed stream to the last byte is clean. */
public final class PaddleParamsAnalyzer implements FormatAnalyzer {

    @Override
    public Set<ModelFormat> formats() {
        return Set.of(ModelFormat.PADDLE_PARAMS);
    }

    @Override
    public void analyze(ByteSource source, AnalysisContext context) throws IOException {
        PaddleParamsReader.Result result = new PaddleParamsReader(context.deadline()).read(source);
        context.fact("paddle.tensors", result.tensors());
        if (result.problem() == null) {
            return;
        }
        if (!result.unknownType()) {
            context.report(PaddleRules.MALFORMED_PARAMS, result.offset(), null, result.problem());
        }
        context.incomplete("Paddle parameter reading stopped: " + result.problem());
    }
}
