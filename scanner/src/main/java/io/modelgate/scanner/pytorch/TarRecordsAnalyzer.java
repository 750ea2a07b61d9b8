package io.modelgate.scanner.pytorch;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.pickle.PickleAnalyzer;
import io.modelgate.scanner.pickle.PickleValue;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * A member of an old tar checkpoint laid out as a pickled count, then per item a pickled record
 * followed by raw bytes whose length the record or the bytes themselves declare.
 */
abstract class TarRecordsAnalyzer implements FormatAnalyzer {

    private final PickleAnalyzer pickles;
    private final ModelFormat format;
    private final String item;

    /** @param item what one record describes ("storage", "tensor"), for facts and messages */
    TarRecordsAnalyzer(PickleAnalyzer pickles, ModelFormat format, String item) {
        this.pickles = pickles;
        this.format = format;
        this.item = item;
    }

    @Override
    public final Set<ModelFormat> formats() {
        return Set.of(format);
    }

    @Override
    public final void analyze(ByteSource source, AnalysisContext context) throws IOException {
        PickleCursor cursor = new PickleCursor(pickles, source, context, PyTorchRules.MALFORMED_STORAGE_DATA);
        Optional<Long> count = cursor.nextCount(item + " count");
        if (count.isEmpty()) {
            return;
        }
        context.fact("pytorch." + item + "s", count.get());
        for (long i = 0; i < count.get(); i++) {
            context.deadline().check();
            Optional<PickleValue> record = cursor.next(item + " record", null);
            if (record.isEmpty() || !skipData(cursor, record.get(), i)) {
                return;
            }
        }
        finish(cursor);
    }

    /** Moves past the raw bytes that follow record {@code index}; false (already reported) when they do not fit. */
    abstract boolean skipData(PickleCursor cursor, PickleValue record, long index) throws IOException;

    /** After the last record: by default only trailing bytes remain. */
    void finish(PickleCursor cursor) throws IOException {
        cursor.checkTrailing();
    }
}
