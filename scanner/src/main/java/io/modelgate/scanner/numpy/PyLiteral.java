package io.modelgate.scanner.numpy;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** A Python literal value as written in a NumPy header: never evaluated, only parsed. */
sealed interface PyLiteral {

    record Str(String value) implements PyLiteral {
    }

    record Int(BigInteger value) implements PyLiteral {
    }

    record Bool(boolean value) implements PyLiteral {
    }

    record None() implements PyLiteral {
    }

    /** A tuple or a list; NumPy headers use both, and the distinction matters only for shapes. */
    record Seq(List<PyLiteral> items, boolean tuple) implements PyLiteral {
    }

    /** A dict with string keys, in file order. */
    record Dict(Map<String, PyLiteral> entries) implements PyLiteral {
    }
}
