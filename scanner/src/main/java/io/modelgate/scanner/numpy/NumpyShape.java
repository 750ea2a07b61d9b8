package io.modelgate.scanner.numpy;

import java.util.List;

/**
 * An array shape: a tuple of non-negative dimensions whose product (the element count) fits in a
 * long. The empty tuple is a scalar with one element.
 */
record NumpyShape(List<Long> dimensions, long elements) {

    static final int MAX_DIMENSIONS = 64;

    static NumpyShape parse(PyLiteral literal) throws NumpyDtype.InvalidDtypeException {
        if (literal instanceof PyLiteral.Int single) {
            // A bare integer sub-array shape in a structured field, e.g. ('x', '<f4', 3).
            return parse(new PyLiteral.Seq(List.of(single), true));
        }
        if (!(literal instanceof PyLiteral.Seq seq) || !seq.tuple()) {
            throw new NumpyDtype.InvalidDtypeException("shape is not a tuple");
        }
        if (seq.items().size() > MAX_DIMENSIONS) {
            throw new NumpyDtype.InvalidDtypeException("more than " + MAX_DIMENSIONS + " dimensions");
        }
        long elements = 1;
        Long[] dims = new Long[seq.items().size()];
        for (int i = 0; i < dims.length; i++) {
            if (!(seq.items().get(i) instanceof PyLiteral.Int dim) || dim.value().signum() < 0
                    || dim.value().bitLength() > 63) {
                throw new NumpyDtype.InvalidDtypeException("dimension " + i + " is not a non-negative integer");
            }
            dims[i] = dim.value().longValueExact();
            elements = multiply(elements, dims[i]);
        }
        return new NumpyShape(List.of(dims), elements);
    }

    private static long multiply(long a, long b) throws NumpyDtype.InvalidDtypeException {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw new NumpyDtype.InvalidDtypeException("element count overflows");
        }
    }

    @Override
    public String toString() {
        return dimensions.size() == 1 ? "(" + dimensions.get(0) + ",)"
                : dimensions.toString().replace('[', '(').replace(']', ')');
    }
}
