package io.modelgate.scanner.onnx;

import java.util.OptionalLong;

/** Storage size of TensorProto.DataType values with a fixed width. */
final class OnnxElementType {

    private OnnxElementType() {
    }

    /** Bytes needed for {@code count} elements, empty for variable-size or unknown types or on overflow. */
    static OptionalLong bytesFor(int dataType, long count) {
        int bits = bits(dataType);
        if (bits <= 0) {
            return OptionalLong.empty();
        }
        if (bits < 8) {
            long perByte = 8 / bits;
            return OptionalLong.of(count / perByte + (count % perByte == 0 ? 0 : 1));
        }
        try {
            return OptionalLong.of(Math.multiplyExact(count, bits / 8));
        } catch (ArithmeticException e) {
            return OptionalLong.empty();
        }
    }

    private static int bits(int dataType) {
        return switch (dataType) {
            case 2, 3, 9, 17, 18, 19, 20, 24 -> 8;      // uint8, int8, bool, float8 variants, float8e8m0
            case 4, 5, 10, 16 -> 16;                    // uint16, int16, float16, bfloat16
            case 1, 6, 12 -> 32;                        // float, int32, uint32
            case 7, 11, 13, 14 -> 64;                   // int64, double, uint64, complex64
            case 15 -> 128;                             // complex128
            case 21, 22, 23 -> 4;                       // uint4, int4, float4e2m1
            default -> 0;                               // undefined, string, or newer than this table
        };
    }
}
