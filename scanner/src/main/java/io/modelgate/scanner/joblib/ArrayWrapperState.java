package io.modelgate.scanner.joblib;

import io.modelgate.scanner.pickle.PickleValue;
import io.modelgate.scanner.pickle.PickleValues;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The state joblib pickles for a {@code NumpyArrayWrapper}: enough to know how many bytes of array data
 * follow it in the stream.
 *
 * @param elements  product of the shape (1 for a scalar)
 * @param itemSize  bytes per element
 * @param kind      numpy kind character of the dtype ({@code O} object, {@code V} structured, ...)
 * @param alignment {@code numpy_array_alignment_bytes}; 0 when absent or None (no padding byte written)
 */
record ArrayWrapperState(long elements, long itemSize, char kind, int alignment) {

    /** {@code dtype.str} without byte order, as {@code numpy.dtype} is reconstructed: {@code 'f8'}, {@code 'U20'}. */
    private static final Pattern TYPESTR = Pattern.compile("([biufcSUVOMm])(\\d{1,10})");
    static final int MAX_DIMENSIONS = 64;

    /**
     * Object arrays are written as a nested pickle; so are structured arrays with object fields, whose
     * type string ({@code V<n>}) does not tell, so for those the data itself decides: a nested pickle
     * opens with PROTO 2, while raw data opens with its padding-length byte.
     */
    boolean nestedPickle(int firstByte, int secondByte) {
        return kind == 'O' || (kind == 'V' && firstByte == 0x80 && secondByte == 2);
    }

    /** Reads the wrapper's state dict; empty when it is not the shape joblib writes. */
    static Optional<ArrayWrapperState> of(PickleValue state) {
        if (!(state instanceof PickleValue.Dict dict)) {
            return Optional.empty();
        }
        Optional<Long> elements = PickleValues.get(dict, "shape").flatMap(ArrayWrapperState::elements);
        Optional<PickleValue> dtype = PickleValues.get(dict, "dtype");
        if (elements.isEmpty() || dtype.isEmpty()) {
            return Optional.empty();
        }
        Optional<Integer> alignment = PickleValues.get(dict, "numpy_array_alignment_bytes")
                .map(ArrayWrapperState::alignment).orElse(Optional.of(0));
        Optional<Matcher> type = typeString(dtype.get());
        if (alignment.isEmpty() || type.isEmpty()) {
            return Optional.empty();
        }
        char kind = type.get().group(1).charAt(0);
        long size = Long.parseLong(type.get().group(2));
        // Unicode sizes count UCS-4 characters.
        return Optional.of(new ArrayWrapperState(elements.get(), kind == 'U' ? size * 4 : size, kind,
                alignment.get()));
    }

    /** {@code numpy.dtype(typestr, align, copy)} as reduced by pickle: the type string argument. */
    private static Optional<Matcher> typeString(PickleValue dtype) {
        if (dtype instanceof PickleValue.Call call && call.site().callee() instanceof PickleValue.Global g
                && g.name().equals("dtype") && (g.module().equals("numpy") || g.module().startsWith("numpy."))
                && !call.site().args().isEmpty() && call.site().args().get(0) instanceof PickleValue.Str s) {
            Matcher m = TYPESTR.matcher(s.text());
            return m.matches() ? Optional.of(m) : Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<Long> elements(PickleValue shape) {
        if (!(shape instanceof PickleValue.Sequence seq) || seq.kind() != PickleValue.Sequence.Kind.TUPLE
                || seq.dropped() > 0 || seq.items().size() > MAX_DIMENSIONS) {
            return Optional.empty();
        }
        long product = 1;
        for (PickleValue dim : seq.items()) {
            Optional<Long> n = PickleValues.nonNegativeLong(dim);
            if (n.isEmpty()) {
                return Optional.empty();
            }
            try {
                product = Math.multiplyExact(product, n.get());
            } catch (ArithmeticException e) {
                return Optional.empty();
            }
        }
        return Optional.of(product);
    }

    private static Optional<Integer> alignment(PickleValue value) {
        if (value instanceof PickleValue.None) {
            return Optional.of(0);
        }
        return PickleValues.nonNegativeLong(value).filter(n -> n > 0 && n <= 255).map(Long::intValue);
    }

}
