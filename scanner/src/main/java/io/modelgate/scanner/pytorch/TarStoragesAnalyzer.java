package io.modelgate.scanner.pytorch;

import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.pickle.PickleAnalyzer;
import io.modelgate.scanner.pickle.PickleValue;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The {@code storages} member of an old tar checkpoint: a pickled count, then per storage a pickled
 * {@code (key, location, storage_type)} followed by the raw storage record, then a pickled list of
 * views. torch.load unpickles every one of those pickles, so each is analysed; the raw records between
 * them are measured and skipped.
 */
public final class TarStoragesAnalyzer extends TarRecordsAnalyzer {

    public TarStoragesAnalyzer(PickleAnalyzer pickles) {
        super(pickles, ModelFormat.PYTORCH_TAR_STORAGES, "storage");
    }

    @Override
    boolean skipData(PickleCursor cursor, PickleValue record, long index) throws IOException {
        Optional<Integer> elementBytes = elementBytes(record);
        if (elementBytes.isEmpty()) {
            cursor.malformed("storage record " + index + " is not (key, location, storage type)");
            return false;
        }
        return RawStorage.skip(cursor, elementBytes.get(), "storage " + index);
    }

    @Override
    void finish(PickleCursor cursor) throws IOException {
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
