package io.modelgate.scanner.pickle;

import java.io.IOException;
import java.util.List;

/**
 * Lets a format built on pickles follow what the analyser models, without loading anything: the
 * persistent ids a loader would resolve, and raw data some writers put into the stream right after an
 * object (joblib writes array bytes after a wrapper's BUILD), which must be skipped, never read as
 * opcodes. Findings stay with the analyser; observers only learn values and say where opcodes resume.
 */
public interface PickleObserver {

    PickleObserver NONE = new PickleObserver() {
    };

    /** PERSID or BINPERSID hands {@code id} to the loader's persistent_load. */
    default void persistentId(PickleValue id, long offset) {
    }

    /**
     * Whether the writer this observer knows puts data into the stream right after a BUILD of {@code cls}.
     * Detection, which cannot measure the data, accepts a stream that parsed cleanly up to such a point.
     */
    default boolean writesInlineData(PickleValue.Global cls) {
        return false;
    }

    /**
     * Called after BUILD restored {@code state} into an instance of a class this observer
     * {@link #writesInlineData writes inline data} for; the data starts at {@code data.position()}.
     *
     * @return the offset where opcodes resume, or -1 when the data cannot be measured (the pickle then ends
     *         as broken; say why through the context)
     */
    default long afterBuild(PickleValue.Global cls, PickleValue state, InlineData data) throws IOException {
        return data.position();
    }

    /** One observer consulting several: all see persistent ids; the first that writes inline data measures it. */
    static PickleObserver all(List<PickleObserver> observers) {
        List<PickleObserver> list = List.copyOf(observers);
        if (list.size() == 1) {
            return list.get(0);
        }
        return new PickleObserver() {
            @Override
            public void persistentId(PickleValue id, long offset) {
                list.forEach(o -> o.persistentId(id, offset));
            }

            @Override
            public boolean writesInlineData(PickleValue.Global cls) {
                return list.stream().anyMatch(o -> o.writesInlineData(cls));
            }

            @Override
            public long afterBuild(PickleValue.Global cls, PickleValue state, InlineData data) throws IOException {
                for (PickleObserver o : list) {
                    if (o.writesInlineData(cls)) {
                        return o.afterBuild(cls, state, data);
                    }
                }
                return data.position();
            }
        };
    }
}
