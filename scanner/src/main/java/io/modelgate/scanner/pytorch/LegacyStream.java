package io.modelgate.scanner.pytorch;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.pickle.PickleAnalyzer;
import io.modelgate.scanner.pickle.PickleObserver;
import io.modelgate.scanner.pickle.PickleOutcome;
import io.modelgate.scanner.pickle.PickleValue;

import java.io.IOException;
import java.util.Optional;

/** The pickles of a legacy stream, analysed one after another from the start of the file. */
final class LegacyStream {

    private final PickleAnalyzer pickles;
    private final ByteSource source;
    private final AnalysisContext context;
    private long position;

    LegacyStream(PickleAnalyzer pickles, ByteSource source, AnalysisContext context) {
        this.pickles = pickles;
        this.source = source;
        this.context = context;
    }

    /**
     * Analyses the next pickle (findings go to the context) and returns the value it produces; empty when
     * the pickle is missing or broken, which is reported and ends the analysis of the stream.
     */
    Optional<PickleValue> next(String what, PickleObserver observer) throws IOException {
        if (position >= source.size()) {
            malformed("the " + what + " pickle is missing (file ends at " + position + ")");
            return Optional.empty();
        }
        PickleOutcome outcome = pickles.inspectOne(source, position, context,
                observer == null ? PickleObserver.NONE : observer);
        if (outcome.end() < 0) {
            context.incomplete("the " + what + " pickle at offset " + position + " is broken");
            return Optional.empty();
        }
        position = outcome.end();
        return Optional.of(outcome.result());
    }

    long position() {
        return position;
    }

    void malformed(String reason) {
        context.report(PyTorchRules.MALFORMED_LEGACY_HEADER, position, null, reason);
        context.incomplete("legacy PyTorch stream: " + reason);
    }
}
