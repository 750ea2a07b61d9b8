package io.modelgate.scanner.safetensors;

import java.util.Map;
import java.util.OptionalInt;

/** Bits per element of every dtype the safetensors format defines (formats reference §3.3). */
final class SafetensorsDtype {

    private static final Map<String, Integer> BITS = Map.ofEntries(
            Map.entry("BOOL", 8), Map.entry("U8", 8), Map.entry("I8", 8),
            Map.entry("F8_E5M2", 8), Map.entry("F8_E4M3", 8), Map.entry("F8_E8M0", 8),
            Map.entry("F8_E4M3FNUZ", 8), Map.entry("F8_E5M2FNUZ", 8),
            Map.entry("I16", 16), Map.entry("U16", 16), Map.entry("F16", 16), Map.entry("BF16", 16),
            Map.entry("I32", 32), Map.entry("U32", 32), Map.entry("F32", 32),
            Map.entry("I64", 64), Map.entry("U64", 64), Map.entry("F64", 64), Map.entry("C64", 64),
            Map.entry("F4", 4), Map.entry("F6_E2M3", 6), Map.entry("F6_E3M2", 6));

    private SafetensorsDtype() {
    }

    static OptionalInt bits(String dtype) {
        Integer bits = BITS.get(dtype);
        return bits == null ? OptionalInt.empty() : OptionalInt.of(bits);
    }
}
