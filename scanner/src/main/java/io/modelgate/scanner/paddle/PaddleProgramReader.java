package io.modelgate.scanner.paddle;

import io.modelgate.scanner.analysis.Deadline;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.io.LimitExceededException;
import io.modelgate.scanner.protobuf.ProtoFormatException;
import io.modelgate.scanner.protobuf.ProtoReader;
import io.modelgate.scanner.protobuf.WireType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a ProgramDesc (framework.proto): ProgramDesc.blocks (1) → BlockDesc.ops (4) → OpDesc.type (3) and
 * OpDesc.attrs (4: Attr.name 1, Attr.s 5, Attr.strings 8). Every block is listed in the program, so control-flow
 * sub-blocks are read too. Unknown fields are skipped, as protobuf does; a field the reader reads, found with
 * another wire type, is malformed.
 */
final class PaddleProgramReader {

    static final int MAX_OPS = 1_000_000;
    private static final int MAX_STRING = 4096;
    private static final int MAX_STRINGS_PER_ATTR = 1024;

    private final Deadline deadline;
    private int ops;
    private int blocks;

    PaddleProgramReader(Deadline deadline) {
        this.deadline = deadline;
    }

    int blocks() {
        return blocks;
    }

    /** Calls {@code sink} for every operator of every block. */
    void read(ByteSource source, Consumer<PaddleOp> sink) throws IOException {
        ProtoReader program = ProtoReader.of(source, ProtoReader.DEFAULT_MAX_DEPTH);
        while (program.next()) {
            if (program.field() == 1) {
                block(expectMessage(program), blocks++, sink);
            }
        }
    }

    private void block(ProtoReader block, int index, Consumer<PaddleOp> sink) throws IOException {
        while (block.next()) {
            if (block.field() == 4) {
                deadline.check();
                if (++ops > MAX_OPS) {
                    throw new LimitExceededException("more than " + MAX_OPS + " operators in the program");
                }
                sink.accept(op(expectMessage(block), index, block.offset()));
            }
        }
    }

    private static PaddleOp op(ProtoReader op, int block, long offset) throws IOException {
        String type = null;
        Map<String, List<String>> strings = new HashMap<>();
        while (op.next()) {
            if (op.field() == 3) {
                expect(op, WireType.LEN);
                type = op.string(MAX_STRING);
            } else if (op.field() == 4) {
                attribute(expectMessage(op), strings);
            }
        }
        if (type == null) {
            throw new ProtoFormatException("operator at offset " + offset + " has no type");
        }
        return new PaddleOp(type, block, offset, strings);
    }

    private static void attribute(ProtoReader attr, Map<String, List<String>> strings) throws IOException {
        String name = null;
        List<String> values = new ArrayList<>();
        while (attr.next()) {
            switch (attr.field()) {
                case 1 -> {
                    expect(attr, WireType.LEN);
                    name = attr.string(MAX_STRING);
                }
                case 5, 8 -> {
                    expect(attr, WireType.LEN);
                    if (values.size() < MAX_STRINGS_PER_ATTR) {
                        values.add(attr.string(MAX_STRING));
                    }
                }
                default -> { }
            }
        }
        if (name != null && !values.isEmpty()) {
            strings.put(name, values);
        }
    }

    private static ProtoReader expectMessage(ProtoReader reader) throws IOException {
        expect(reader, WireType.LEN);
        return reader.message();
    }

    private static void expect(ProtoReader reader, WireType wire) throws ProtoFormatException {
        if (reader.wireType() != wire) {
            throw new ProtoFormatException("field " + reader.field() + " at offset " + reader.offset() + " has wire type "
                    + reader.wireType() + ", not the " + wire + " Paddle writes");
        }
    }
}
