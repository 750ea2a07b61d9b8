package io.modelgate.scanner.flax;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.analysis.FormatProblem;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.util.Set;

/**
 * Checks a Flax msgpack checkpoint. Flax restores only data (numbers, strings, arrays through
 * {@code np.frombuffer}), so a well-formed file with the known extensions is clean; anything the reader cannot
 * follow to the end is incomplete.
 */
public final class FlaxAnalyzer implements FormatAnalyzer {

    @Override
    public Set<ModelFormat> formats() {
        return Set.of(ModelFormat.FLAX_MSGPACK);
    }

    @Override
    public void analyze(ByteSource source, AnalysisContext context) throws IOException {
        FlaxReport report = new FlaxCheckpointReader(context.deadline()).read(source);
        context.fact("flax.arrays", report.arrays);
        FormatProblem.reportAll(report.problems, FormatProblem.MAX_REPORTED, FlaxRules.MALFORMED, context);
        report.unproven.stream().limit(5).forEach(context::incomplete);
        if (report.unproven.isEmpty() && report.problems.stream().anyMatch(p -> p.rule() != FlaxRules.UNKNOWN_EXTENSION)) {
            context.incomplete("the msgpack checkpoint is malformed, so the loader's reading of it is not known");
        }
    }
}
