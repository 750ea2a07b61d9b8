package io.modelgate.scanner.pickle;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.io.LimitExceededException;

import java.io.IOException;

/**
 * Where a pickle stream stands when an observer may claim inline data: the source, the offset after
 * the opcode, the context to report through, and a way to analyse a pickle nested in the data.
 */
public final class InlineData {

    /** Pickles nested in inline data (joblib object arrays) followed at most this deep. */
    static final int MAX_NESTING = 8;

    private final PickleAnalyzer analyzer;
    private final ByteSource source;
    private final long position;
    private final AnalysisContext context;
    private final PickleObserver observer;
    private final int nesting;

    InlineData(PickleAnalyzer analyzer, ByteSource source, long position, AnalysisContext context,
               PickleObserver observer, int nesting) {
        this.analyzer = analyzer;
        this.source = source;
        this.position = position;
        this.context = context;
        this.observer = observer;
        this.nesting = nesting;
    }

    /** The same stream at another offset. */
    InlineData at(long offset) {
        return new InlineData(analyzer, source, offset, context, observer, nesting);
    }

    public ByteSource source() {
        return source;
    }

    public long position() {
        return position;
    }

    public AnalysisContext context() {
        return context;
    }

    /**
     * Analyses the complete pickle starting at {@code offset} (findings reported as for any pickle).
     *
     * @return the offset just past its STOP, or -1 when it is broken
     */
    public long nestedPickle(long offset) throws IOException {
        if (nesting >= MAX_NESTING) {
            throw new LimitExceededException("pickles nested in inline data deeper than " + MAX_NESTING);
        }
        return analyzer.inspect(source, offset, context, observer, nesting + 1).end();
    }
}
