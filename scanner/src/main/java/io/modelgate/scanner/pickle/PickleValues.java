package io.modelgate.scanner.pickle;

import java.util.Optional;

/** Reading plain data out of modelled values, for formats that interpret what a pickle holds. */
public final class PickleValues {

    private PickleValues() {
    }

    /** The value stored under a string key (the last one when the key repeats, as in Python). */
    public static Optional<PickleValue> get(PickleValue.Dict dict, String key) {
        for (int i = dict.keys().size() - 1; i >= 0; i--) {
            if (text(dict.keys().get(i)).filter(key::equals).isPresent()) {
                return Optional.of(dict.values().get(i));
            }
        }
        return Optional.empty();
    }

    /** A string known in full. */
    public static Optional<String> text(PickleValue value) {
        return value instanceof PickleValue.Str s && s.complete() ? Optional.of(s.text()) : Optional.empty();
    }

    /** An integer between 0 and Long.MAX_VALUE. */
    public static Optional<Long> nonNegativeLong(PickleValue value) {
        if (value instanceof PickleValue.Int i && i.value() != null && i.value().signum() >= 0
                && i.value().bitLength() < Long.SIZE) {
            return Optional.of(i.value().longValue());
        }
        return Optional.empty();
    }
}
