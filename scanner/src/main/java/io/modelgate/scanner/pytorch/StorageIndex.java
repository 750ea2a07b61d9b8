package io.modelgate.scanner.pytorch;

import io.modelgate.scanner.pickle.PickleObserver;
import io.modelgate.scanner.pickle.PickleValue;
import io.modelgate.scanner.pickle.PickleValues;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects the storages the object pickle declares through persistent ids
 * {@code ('storage', torch.<Type>Storage, key, location, numel, view_metadata)}: the element size of
 * each key is what the raw storage data is measured with.
 */
final class StorageIndex implements PickleObserver {

    /** Keys kept at most; a real checkpoint has one per tensor storage. */
    static final int MAX_KEYS = 1_000_000;

    private final Map<String, Integer> elementBytes = new HashMap<>();

    @Override
    public void persistentId(PickleValue id, long offset) {
        if (!(id instanceof PickleValue.Sequence tuple) || tuple.kind() != PickleValue.Sequence.Kind.TUPLE
                || tuple.items().size() < 3 || elementBytes.size() >= MAX_KEYS) {
            return;
        }
        List<PickleValue> items = tuple.items();
        Optional<String> key = PickleValues.text(items.get(2));
        if (PickleValues.text(items.get(0)).filter("storage"::equals).isPresent()
                && items.get(1) instanceof PickleValue.Global type && key.isPresent()) {
            StorageType.elementBytes(type.module(), type.name()).ifPresent(size -> elementBytes.put(key.get(), size));
        }
    }

    Map<String, Integer> elementBytes() {
        return elementBytes;
    }
}
