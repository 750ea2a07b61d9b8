package io.modelgate.scanner.paddle;

import io.modelgate.scanner.protobuf.ProtoWriter;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Paddle programs and parameter streams written from framework.proto and the tensor stream layout. */
final class PaddleFixtures {

    private PaddleFixtures() {
    }

    /** OpDesc: inputs (1), outputs (2), type (3), attrs (4); Attr: name 1, type 2, s 5, strings 8. */
    static ProtoWriter op(String type, String... stringAttrs) {
        ProtoWriter op = new ProtoWriter()
                .messageField(1, new ProtoWriter().stringField(1, "X").stringField(2, "x"))
                .messageField(2, new ProtoWriter().stringField(1, "Out").stringField(2, type + ".tmp_0"))
                .stringField(3, type);
        for (int i = 0; i + 1 < stringAttrs.length; i += 2) {
            op.messageField(4, new ProtoWriter().stringField(1, stringAttrs[i]).varintField(2, 2)
                    .stringField(5, stringAttrs[i + 1]));
        }
        op.messageField(4, new ProtoWriter().stringField(1, "use_mkldnn").varintField(2, 6).varintField(10, 0));
        return op;
    }

    /** VarDesc: name 1, type 2 (VarType: type 1 LOD_TENSOR 7, lod_tensor 3), persistable 3. */
    static ProtoWriter var(String name, boolean persistable, long... dims) {
        ProtoWriter desc = new ProtoWriter().varintField(1, 5);
        for (long d : dims) {
            desc.varintField(2, d);
        }
        ProtoWriter type = new ProtoWriter().varintField(1, 7).messageField(3, new ProtoWriter().messageField(1, desc));
        return new ProtoWriter().stringField(1, name).messageField(2, type).varintField(3, persistable ? 1 : 0);
    }

    /** ProgramDesc: blocks (1: idx 1, parent_idx 2, vars 3, ops 4), version (4). */
    static byte[] program(ProtoWriter... ops) {
        ProtoWriter block = new ProtoWriter().varintField(1, 0).varintField(2, -1)
                .messageField(3, var("x", false, -1, 3, 224, 224))
                .messageField(3, var("conv2d_0.w_0", true, 16, 3, 3, 3));
        for (ProtoWriter op : ops) {
            block.messageField(4, op);
        }
        return new ProtoWriter().messageField(1, block).messageField(4, new ProtoWriter().varintField(1, 2006000))
                .toByteArray();
    }

    static byte[] inferenceProgram() {
        return program(op("feed", "name", "feed"), op("conv2d", "padding_algorithm", "EXPLICIT", "data_format", "NCHW"),
                op("batch_norm", "data_layout", "NCHW"), op("relu"), op("pool2d", "pooling_type", "avg"),
                op("flatten_contiguous_range"), op("matmul_v2"), op("elementwise_add"), op("softmax"),
                op("scale"), op("fetch"));
    }

    /** A tensor record of the save_combine stream. */
    static byte[] tensor(int dataType, int itemSize, long... dims) {
        ProtoWriter desc = new ProtoWriter().varintField(1, dataType);
        long n = 1;
        for (long d : dims) {
            desc.varintField(2, d);
            n *= d;
        }
        byte[] d = desc.toByteArray();
        ByteBuffer b = ByteBuffer.allocate(4 + 8 + 4 + 4 + d.length + (int) (n * itemSize)).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0).putLong(0).putInt(0).putInt(d.length).put(d);
        return b.array();
    }

    static byte[] params() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(tensor(5, 4, 16));
        out.writeBytes(tensor(5, 4, 16, 3, 3, 3));
        out.writeBytes(tensor(4, 2, 10, 16));
        out.writeBytes(tensor(3, 8, 2));
        return out.toByteArray();
    }
}
