package io.modelgate.scanner.numpy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of a NumPy dtype that matters to a scanner: bytes per element and whether elements are
 * Python objects (then the payload is a pickle, not raw data).
 *
 * @param itemSize  bytes per element of the raw payload
 * @param hasObject true when any field is an object ({@code O}) field
 */
record NumpyDtype(long itemSize, boolean hasObject) {

    /** Array-protocol type strings as written by {@code dtype.str}: order, kind, size, optional unit. */
    private static final Pattern TYPESTR = Pattern.compile("([<>|=]?)([biufcSUVOMm])(\\d{0,10})(\\[\\w{1,10}])?");
    static final int MAX_FIELDS = 10_000;
    static final long MAX_ITEM_SIZE = 1L << 40;

    /** Parses a header {@code descr}: a type string or a structured field list. */
    static NumpyDtype parse(PyLiteral descr) throws InvalidDtypeException {
        return parse(descr, new int[]{0});
    }

    private static NumpyDtype parse(PyLiteral descr, int[] fieldBudget) throws InvalidDtypeException {
        if (descr instanceof PyLiteral.Str s) {
            return typeString(s.value());
        }
        if (descr instanceof PyLiteral.Seq seq && !seq.tuple()) {
            return structured(seq.items(), fieldBudget);
        }
        throw new InvalidDtypeException("descr is neither a type string nor a field list");
    }

    private static NumpyDtype typeString(String text) throws InvalidDtypeException {
        Matcher m = TYPESTR.matcher(text);
        if (!m.matches()) {
            throw new InvalidDtypeException("unsupported type string '" + text + "'");
        }
        char kind = m.group(2).charAt(0);
        if (kind == 'O') {
            return new NumpyDtype(8, true);
        }
        if (m.group(3).isEmpty()) {
            throw new InvalidDtypeException("type string '" + text + "' has no size");
        }
        long size = Long.parseLong(m.group(3));
        boolean dateTime = kind == 'M' || kind == 'm';
        if (m.group(4) != null && !dateTime) {
            throw new InvalidDtypeException("unit on a non-datetime type '" + text + "'");
        }
        if ((dateTime && size != 8) || (kind == 'b' && size != 1) || (kind == 'c' && size % 2 != 0)) {
            throw new InvalidDtypeException("impossible size in '" + text + "'");
        }
        // Unicode strings are stored as UCS-4: the count is in characters.
        return new NumpyDtype(kind == 'U' ? size * 4 : size, false);
    }

    /** A list of {@code (name, descr)} or {@code (name, descr, shape)} tuples; names may be (title, name). */
    private static NumpyDtype structured(List<PyLiteral> fields, int[] fieldBudget) throws InvalidDtypeException {
        long itemSize = 0;
        boolean hasObject = false;
        for (PyLiteral field : fields) {
            if (++fieldBudget[0] > MAX_FIELDS) {
                throw new InvalidDtypeException("more than " + MAX_FIELDS + " fields");
            }
            if (!(field instanceof PyLiteral.Seq tuple) || !tuple.tuple() || tuple.items().size() < 2
                    || tuple.items().size() > 3 || !validName(tuple.items().get(0))) {
                throw new InvalidDtypeException("malformed field " + field);
            }
            NumpyDtype type = parse(tuple.items().get(1), fieldBudget);
            long count = tuple.items().size() == 3 ? NumpyShape.parse(tuple.items().get(2)).elements() : 1;
            try {
                itemSize = Math.addExact(itemSize, Math.multiplyExact(type.itemSize(), count));
            } catch (ArithmeticException e) {
                throw new InvalidDtypeException("structured item size overflows");
            }
            if (itemSize > MAX_ITEM_SIZE) {
                throw new InvalidDtypeException("structured item size beyond " + MAX_ITEM_SIZE + " bytes");
            }
            hasObject |= type.hasObject();
        }
        return new NumpyDtype(itemSize, hasObject);
    }

    private static boolean validName(PyLiteral name) {
        if (name instanceof PyLiteral.Str) {
            return true;
        }
        return name instanceof PyLiteral.Seq pair && pair.tuple() && pair.items().size() == 2
                && pair.items().stream().allMatch(PyLiteral.Str.class::isInstance);
    }

    /** The descr cannot describe a dtype NumPy would load. */
    static final class InvalidDtypeException extends Exception {
        InvalidDtypeException(String message) {
            super(message);
        }
    }

}
