package io.modelgate.scanner.pytorch;

import java.util.Map;
import java.util.Optional;

/** Element sizes of the {@code torch.*Storage} classes named in persistent ids. */
final class StorageType {

    private static final Map<String, Integer> ELEMENT_BYTES = Map.ofEntries(
            Map.entry("DoubleStorage", 8), Map.entry("FloatStorage", 4), Map.entry("HalfStorage", 2),
            Map.entry("BFloat16Storage", 2), Map.entry("LongStorage", 8), Map.entry("IntStorage", 4),
            Map.entry("ShortStorage", 2), Map.entry("CharStorage", 1), Map.entry("ByteStorage", 1),
            Map.entry("BoolStorage", 1), Map.entry("ComplexFloatStorage", 8), Map.entry("ComplexDoubleStorage", 16),
            Map.entry("QInt8Storage", 1), Map.entry("QUInt8Storage", 1), Map.entry("QInt32Storage", 4),
            Map.entry("QUInt4x2Storage", 1), Map.entry("QUInt2x4Storage", 1), Map.entry("UntypedStorage", 1));

    private StorageType() {
    }

    /** The element size of {@code torch.<name>}, empty for anything else. */
    static Optional<Integer> elementBytes(String module, String name) {
        if (!"torch".equals(module) && !"torch.cuda".equals(module)) {
            return Optional.empty();
        }
        return Optional.ofNullable(ELEMENT_BYTES.get(name));
    }
}
