package io.modelgate.scanner.tflite;

import io.modelgate.scanner.flatbuffers.FlatBufferWriter;
import io.modelgate.scanner.flatbuffers.FlatBufferWriter.Table;
import io.modelgate.scanner.flatbuffers.FlatBufferWriter.Vector;

import java.util.ArrayList;
import java.util.List;

/**
 * TFLite models written from schema.fbs: operator codes (deprecated byte 0, custom code 1, version 2, builtin code
 * 3), one subgraph (tensors 0, inputs 1, outputs 2, operators 3, name 4), operators (opcode index 0) and buffers.
 */
public final class TfliteModels {

    static final int ADD = 0;
    static final int CONV_2D = 3;
    static final int FULLY_CONNECTED = 9;
    static final int CUSTOM = 32;

    private TfliteModels() {
    }

    public static Table builtin(int code) {
        return new Table().scalar(0, 1, Math.min(code, 127)).scalar(2, 4, 1).scalar(3, 4, code);
    }

    public static Table custom(String name) {
        return new Table().scalar(0, 1, CUSTOM).string(1, name).scalar(2, 4, 1).scalar(3, 4, CUSTOM);
    }

    /** A model whose single subgraph runs each operator code once, in order. */
    public static byte[] model(Table... codes) {
        List<FlatBufferWriter.Ref> operators = new ArrayList<>();
        List<FlatBufferWriter.Ref> tensors = new ArrayList<>();
        for (int i = 0; i < codes.length; i++) {
            operators.add(new Table().scalar(0, 4, i).ref(1, Vector.scalars(4, i)).ref(2, Vector.scalars(4, i + 1)));
            tensors.add(new Table().ref(0, Vector.scalars(4, 1, 4)).scalar(1, 1, 0).scalar(2, 4, i + 1)
                    .string(3, "t" + i));
        }
        tensors.add(new Table().ref(0, Vector.scalars(4, 1, 4)).scalar(2, 4, 0).string(3, "out"));
        Table subgraph = new Table().ref(0, Vector.of(tensors)).ref(1, Vector.scalars(4, 0))
                .ref(2, Vector.scalars(4, codes.length)).ref(3, Vector.of(operators)).string(4, "main");
        List<FlatBufferWriter.Ref> buffers = new ArrayList<>();
        buffers.add(new Table());
        for (int i = 0; i < codes.length; i++) {
            buffers.add(new Table().ref(0, Vector.bytes(new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})));
        }
        Table model = new Table().scalar(0, 4, 3).ref(1, Vector.of(codes)).ref(2, Vector.of(subgraph))
                .string(3, "MLIR Converted.").ref(4, Vector.of(buffers));
        return FlatBufferWriter.write("TFL3", model);
    }
}
