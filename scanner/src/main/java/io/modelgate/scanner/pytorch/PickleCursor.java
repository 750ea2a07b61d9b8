package io.modelgate.scanner.pytorch;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.model.Rule;
import io.modelgate.scanner.pickle.PickleAnalyzer;
import io.modelgate.scanner.pickle.PickleObserver;
import io.modelgate.scanner.pickle.PickleOutcome;
import io.modelgate.scanner.pickle.PickleValue;
import io.modelgate.scanner.pickle.PickleValues;

import java.io.IOException;
import java.util.Optional;

/**
 * Walks a torch stream that mixes pickles with raw records: each pickle is analysed by the pickle
 * analyser (its findings go to the context), raw records are measured and skipped, never parsed.
 */
final class PickleCursor {

    private final PickleAnalyzer pickles;
    private final ByteSource source;
    private final AnalysisContext context;
    private final Rule malformedRule;
    private long position;

    /**
     * @param malformedRule the rule reported when the stream does not have the expected layout
     */
    PickleCursor(PickleAnalyzer pickles, ByteSource source, AnalysisContext context, Rule malformedRule) {
        this.pickles = pickles;
        this.source = source;
        this.context = context;
        this.malformedRule = malformedRule;
    }

    /**
     * Analyses the next pickle and returns the value it produces; empty when the pickle is missing or
     * broken, which is reported and ends the walk.
     */
    Optional<PickleValue> next(String what, PickleObserver observer) throws IOException {
        if (position >= source.size()) {
            malformed("the " + what + " pickle is missing (data ends at " + position + ")");
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

    /** The next pickle, which must hold a count. */
    Optional<Long> nextCount(String what) throws IOException {
        Optional<PickleValue> value = next(what, null);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> count = PickleValues.nonNegativeLong(value.get());
        if (count.isEmpty()) {
            malformed("the " + what + " pickle is not a count");
        }
        return count;
    }

    /** Reads {@code length} raw bytes at the cursor without moving it; empty (and reported) past the end. */
    Optional<byte[]> peek(int length, String what) throws IOException {
        if (source.size() - position < length) {
            rawMalformed(what + " runs past the end of the data at offset " + position);
            return Optional.empty();
        }
        return Optional.of(source.readFully(position, length));
    }

    /** Skips {@code length} raw bytes; false (and reported) when they run past the end. */
    boolean skip(long length, String what) {
        if (length < 0 || length > source.size() - position) {
            rawMalformed(what + " at offset " + position + " needs " + (length < 0 ? "more than 2^63" : length)
                    + " bytes, beyond the end of the data");
            return false;
        }
        position += length;
        return true;
    }

    /** Raw records (storage bytes, tensor geometry) that do not fit the data. */
    void rawMalformed(String reason) {
        context.report(PyTorchRules.MALFORMED_STORAGE_DATA, position, null, reason);
        context.incomplete(reason);
    }

    long position() {
        return position;
    }

    AnalysisContext context() {
        return context;
    }

    void malformed(String reason) {
        context.report(malformedRule, position, null, reason);
        context.incomplete(reason);
    }

    /** Bytes after the last record are ignored by torch.load: reported, and analysed in case they hide a payload. */
    void checkTrailing() throws IOException {
        long trailing = source.size() - position;
        if (trailing > 0) {
            context.report(PyTorchRules.TRAILING_DATA, position, null,
                    trailing + " bytes after the last record, ignored by torch.load");
            context.scanEmbedded("trailing-data", source.slice(position, trailing));
        }
    }

    static long littleEndian(byte[] bytes, int offset, int width) {
        long value = 0;
        for (int i = width - 1; i >= 0; i--) {
            value = (value << 8) | (bytes[offset + i] & 0xff);
        }
        return value;
    }
}
