package io.modelgate.scanner.flax;

import java.util.Map;
import java.util.OptionalInt;

/** Item sizes of the numeric dtype names numpy's {@code dtype.name} gives (and JAX's bfloat16 and fp8 types). */
final class NumpyDtypeNames {

    private static final Map<String, Integer> SIZES = Map.ofEntries(
            Map.entry("bool", 1), Map.entry("int8", 1), Map.entry("uint8", 1), Map.entry("int16", 2),
            Map.entry("uint16", 2), Map.entry("int32", 4), Map.entry("uint32", 4), Map.entry("int64", 8),
            Map.entry("uint64", 8), Map.entry("float16", 2), Map.entry("float32", 4), Map.entry("float64", 8),
            Map.entry("complex64", 8), Map.entry("complex128", 16), Map.entry("bfloat16", 2),
            Map.entry("float8_e4m3fn", 1), Map.entry("float8_e5m2", 1), Map.entry("float8_e4m3b11fnuz", 1),
            Map.entry("float8_e4m3fnuz", 1), Map.entry("float8_e5m2fnuz", 1), Map.entry("int4", 1),
            Map.entry("uint4", 1));

    private NumpyDtypeNames() {
    }

    static OptionalInt itemSize(String name) {
        Integer size = SIZES.get(name);
        return size == null ? OptionalInt.empty() : OptionalInt.of(size);
    }
}
