package io.modelgate.scanner.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * An unmodifiable map of a few facts in a fixed order, held in two arrays: every file result keeps one until
 * the scan ends, and a wrapped linked hash map of three facts took about 300 bytes where this takes 80. Lookups
 * are linear, so {@link FactValues} uses it only up to {@link #MAX_SIZE} entries.
 */
final class SmallFactMap extends AbstractMap<String, Object> {

    static final int MAX_SIZE = 8;

    private final String[] keys;
    private final Object[] values;

    /** @param ordered the entries in their order, at most {@link #MAX_SIZE}, keys distinct */
    SmallFactMap(Map<String, Object> ordered) {
        keys = new String[ordered.size()];
        values = new Object[ordered.size()];
        int i = 0;
        for (Map.Entry<String, Object> entry : ordered.entrySet()) {
            keys[i] = entry.getKey();
            values[i++] = entry.getValue();
        }
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public Object get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    private int indexOf(Object key) {
        for (int i = 0; i < keys.length; i++) {
            if (Objects.equals(keys[i], key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return keys.length;
            }

            @Override
            public Iterator<Map.Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Map.Entry<String, Object> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(keys[i], values[i]);
                    }
                };
            }
        };
    }
}
