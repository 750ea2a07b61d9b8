package io.modelgate.scanner.onnx;

import java.util.Map;
import java.util.OptionalLong;

/**
 * What the checks need of a TensorProto: its shape and type, and where its bytes are.
 *
 * @param rawDataLength bytes of inline {@code raw_data}, -1 when absent
 * @param typedValues   values found in the typed repeated fields (float_data, int64_data, ...)
 * @param externalData  the external_data key/value entries (location, offset, length, checksum)
 * @param offset        offset of the TensorProto in the model file, for findings
 */
record OnnxTensor(String name, int dataType, long[] dims, long rawDataLength, long typedValues, boolean external,
                  Map<String, String> externalData, long offset) {

    /** Product of the dims; empty when a dim is negative or the product overflows. */
    OptionalLong elementCount() {
        long count = 1;
        for (long dim : dims) {
            if (dim < 0) {
                return OptionalLong.empty();
            }
            try {
                count = Math.multiplyExact(count, dim);
            } catch (ArithmeticException e) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(count);
    }

    String displayName() {
        return name.isEmpty() ? "(unnamed tensor)" : name;
    }
}
