package io.modelgate.scanner.pytorch;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.pickle.PickleAnalyzer;
import io.modelgate.scanner.pickle.PickleValue;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code storages} member of an old tar checkpoint: a pickled count, then per storage a pickled
 * {@code (key, location, storage_type)} followed by the raw storage record, then a pickled list of
 * views. torch.load unpickles every one of those pickles, so each is analysed; the raw records between
 * them are measured and skipped.
 */
public final class TarStoragesAnalyzer implements FormatAnalyzer {

    private final PickleAnalyzer pickles;

    public TarStoragesAnalyzer(PickleAnalyzer pickles) {
        this.pickles = pickles;
    }

    @Override
    public Set<ModelFormat> formats() {
        return Set.of(ModelFormat.PYTORCH_TAR_STORAGES);
    }

    @Override
    public void analyze(ByteSource source, AnalysisContext context) throws IOException {
        PickleCursor cursor = new PickleCursor(pickles, source, context, PyTorchRules.MALFORMED_STORAGE_DATA);
        Optional<Long> count = cursor.nextCount("storage count");
        if (count.isEmpty()) {
            return;
        }
        context.fact("pytorch.storages", count.get());
        for (long i = 0; i < count.get(); i++) {
            context.deadline().check();
            Optional<PickleValue> record = cursor.next("storage record", null);
            if (record.isEmpty()) {
                return;
            }
            Optional<Integer> elementBytes = elementBytes(record.get());
            if (elementBytes.isEmpty()) {
                cursor.malformed("storage record " + i + " is not (key, location, storage type)");
                return;
            }
            if (!RawStorage.skip(cursor, elementBytes.get(), "storage " + i)) {
                return;
            }
        }
        if (cursor.next("storage views", null).isPresent()) {
            cursor.checkTrailing();
        }
    }

    private static Optional<Integer> elementBytes(PickleValue record) {
        if (record instanceof PickleValue.Sequence tuple && tuple.kind() == PickleValue.Sequence.Kind.TUPLE) {
            List<PickleValue> items = tuple.items();
            if (items.size() == 3 && items.get(2) instanceof PickleValue.Global type) {
                return StorageType.elementBytes(type.module(), type.name());
            }
        }
        return Optional.empty();
    }
}
