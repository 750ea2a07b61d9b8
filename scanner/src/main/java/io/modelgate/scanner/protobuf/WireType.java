package io.modelgate.scanner.protobuf;

/** The six protobuf wire types; groups (3, 4) are deprecated and never used by ONNX or TensorFlow, only skipped. */
public enum WireType {
    VARINT,
    I64,
    LEN,
    START_GROUP,
    END_GROUP,
    I32;

    static WireType of(int code) throws ProtoFormatException {
        if (code < 0 || code > 5) {
            throw new ProtoFormatException("invalid wire type ", code);
        }
        return values()[code];
    }
}
