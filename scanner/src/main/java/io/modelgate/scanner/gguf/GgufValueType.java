package io.modelgate.scanner.gguf;

import java.util.Optional;

/** Metadata value types (formats reference §4.2); {@code size} is -1 for variable-length types. */
enum GgufValueType {
    UINT8(1), INT8(1), UINT16(2), INT16(2), UINT32(4), INT32(4), FLOAT32(4), BOOL(1), STRING(-1), ARRAY(-1),
    UINT64(8), INT64(8), FLOAT64(8);

    final int size;

    GgufValueType(int size) {
        this.size = size;
    }

    static Optional<GgufValueType> byId(long id) {
        return id >= 0 && id < values().length ? Optional.of(values()[(int) id]) : Optional.empty();
    }
}
