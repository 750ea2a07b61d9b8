package io.modelgate.scanner.onnx;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.onnx.ExternalDataLocator.Escapes;
import io.modelgate.scanner.onnx.ExternalDataLocator.Missing;
import io.modelgate.scanner.onnx.ExternalDataLocator.Present;
import io.modelgate.scanner.onnx.ExternalDataLocator.Resolution;

import java.util.Arrays;
import java.util.OptionalLong;

/** Checks a tensor's stored bytes against its shape, and its external data file against the model folder. */
final class TensorChecker {

    private final AnalysisContext context;
    private final ExternalDataLocator locator;

    TensorChecker(AnalysisContext context, ExternalDataLocator locator) {
        this.context = context;
        this.locator = locator;
    }

    void check(OnnxTensor tensor) {
        OptionalLong count = tensor.elementCount();
        if (count.isEmpty()) {
            mismatch(tensor, "its shape " + Arrays.toString(tensor.dims()) + " is negative or overflows");
            return;
        }
        OptionalLong expectedBytes = OnnxElementType.bytesFor(tensor.dataType(), count.getAsLong());
        if (tensor.external()) {
            checkExternal(tensor, expectedBytes);
        } else if (tensor.rawDataLength() >= 0) {
            if (expectedBytes.isPresent() && expectedBytes.getAsLong() != tensor.rawDataLength()) {
                mismatch(tensor, "raw_data holds " + tensor.rawDataLength() + " bytes but the shape needs "
                        + expectedBytes.getAsLong());
            }
        } else if (tensor.typedValues() > 0) {
            OptionalLong expectedValues = typedValuesFor(tensor.dataType(), count.getAsLong());
            if (expectedValues.isPresent() && expectedValues.getAsLong() != tensor.typedValues()) {
                mismatch(tensor, "it stores " + tensor.typedValues() + " values but the shape needs "
                        + expectedValues.getAsLong());
            }
        }
    }

    private void checkExternal(OnnxTensor tensor, OptionalLong expectedBytes) {
        String location = tensor.externalData().get("location");
        if (location == null) {
            context.report(OnnxRules.EXTERNAL_DATA_MISSING, tensor.offset(), tensor.displayName(),
                    "Tensor '" + tensor.displayName() + "' is marked EXTERNAL but names no location.");
            return;
        }
        Resolution resolution = locator.resolve(location);
        if (resolution instanceof Escapes escapes) {
            context.report(OnnxRules.EXTERNAL_DATA_ESCAPES, tensor.offset(), location,
                    "Tensor '" + tensor.displayName() + "' reads its data from '" + location + "': " + escapes.why()
                            + ". Loading the model would read that file.");
        } else if (resolution instanceof Missing missing) {
            context.report(OnnxRules.EXTERNAL_DATA_MISSING, tensor.offset(), location,
                    "Tensor '" + tensor.displayName() + "' reads its data from '" + location + "', which is missing: "
                            + missing.why() + ".");
        } else if (resolution instanceof Present present) {
            checkRange(tensor, location, present.size(), expectedBytes);
        }
    }

    private void checkRange(OnnxTensor tensor, String location, long fileSize, OptionalLong expectedBytes) {
        OptionalLong offset = decimal(tensor, "offset");
        OptionalLong length = decimal(tensor, "length");
        if (offset == null || length == null) {
            return;
        }
        long start = offset.orElse(0);
        if (length.isPresent() && expectedBytes.isPresent() && length.getAsLong() != expectedBytes.getAsLong()) {
            mismatch(tensor, "its external length is " + length.getAsLong() + " bytes but the shape needs "
                    + expectedBytes.getAsLong());
            return;
        }
        OptionalLong span = length.isPresent() ? length : expectedBytes;
        if (start > fileSize || (span.isPresent() && span.getAsLong() > fileSize - start)) {
            mismatch(tensor, "its data at offset " + start + (span.isPresent() ? " (" + span.getAsLong() + " bytes)" : "")
                    + " lies beyond the end of '" + location + "' (" + fileSize + " bytes)");
        }
    }

    /** The entry as a non-negative decimal, empty when absent, null (after a finding) when malformed. */
    private OptionalLong decimal(OnnxTensor tensor, String key) {
        String text = tensor.externalData().get(key);
        if (text == null || text.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value >= 0) {
                return OptionalLong.of(value);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        mismatch(tensor, "its external " + key + " '" + text + "' is not a byte count");
        return null;
    }

    private static OptionalLong typedValuesFor(int dataType, long count) {
        return switch (dataType) {
            case 14, 15 -> count > Long.MAX_VALUE / 2 ? OptionalLong.empty()
                    : OptionalLong.of(count * 2);                      // complex: real and imaginary parts
            case 21, 22, 23 -> OptionalLong.of((count + 1) / 2);    // 4-bit types: two per int32 value
            case 0 -> OptionalLong.empty();
            default -> OptionalLong.of(count);
        };
    }

    private void mismatch(OnnxTensor tensor, String why) {
        context.report(OnnxRules.TENSOR_SIZE_MISMATCH, tensor.offset(), tensor.displayName(),
                "Tensor '" + tensor.displayName() + "': " + why + ".");
    }
}
