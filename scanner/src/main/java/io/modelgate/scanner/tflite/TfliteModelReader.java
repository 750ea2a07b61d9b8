package io.modelgate.scanner.tflite;

import io.modelgate.scanner.analysis.Deadline;
import io.modelgate.scanner.flatbuffers.FlatBuffer;
import io.modelgate.scanner.flatbuffers.FlatBufferFormatException;
import io.modelgate.scanner.flatbuffers.FlatTable;
import io.modelgate.scanner.flatbuffers.FlatVector;
import io.modelgate.scanner.ops.Distinct;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads what a TFLite interpreter acts on, following schema.fbs: the operator code table, every subgraph's
 * operators (each must name an entry of the table, as the interpreter requires) and the buffers, whose data lies
 * inside the flatbuffer or, for large models, at an offset of the file that must fit in it.
 */
final class TfliteModelReader {

    private static final int MAX_NAME_BYTES = 256;
    private static final int MODEL_OPERATOR_CODES = 1;
    private static final int MODEL_SUBGRAPHS = 2;
    private static final int MODEL_BUFFERS = 4;
    private static final int CODE_DEPRECATED_BUILTIN = 0;
    private static final int CODE_CUSTOM = 1;
    private static final int CODE_BUILTIN = 3;
    private static final int SUBGRAPH_TENSORS = 0;
    private static final int SUBGRAPH_OPERATORS = 3;
    private static final int OPERATOR_OPCODE_INDEX = 0;
    private static final int BUFFER_DATA = 0;
    private static final int BUFFER_OFFSET = 1;
    private static final int BUFFER_SIZE = 2;
    /** Highest builtin code of current schemas, with room for growth; higher is not a model the reader knows. */
    private static final int MAX_BUILTIN_CODE = 1000;

    /** What the model holds. */
    record Model(long version, List<TfliteOperator> codes, Map<String, Long> uses, long subgraphs, long operators,
                 long tensors, long buffers) {
    }

    private final Deadline deadline;

    TfliteModelReader(Deadline deadline) {
        this.deadline = deadline;
    }

    Model read(FlatBuffer buffer) throws IOException {
        FlatTable model = buffer.root();
        long version = model.unsigned(0, 4, 0);
        List<TfliteOperator> codes = operatorCodes(model);
        Map<String, Long> uses = new TreeMap<>();
        long operators = 0;
        long tensors = 0;
        Optional<FlatVector> subgraphs = model.vector(MODEL_SUBGRAPHS, 4, "subgraphs");
        long subgraphCount = subgraphs.map(FlatVector::length).orElse(0L);
        if (subgraphCount == 0) {
            throw new FlatBufferFormatException("the model has no subgraph");
        }
        for (long s = 0; s < subgraphCount; s++) {
            FlatTable subgraph = subgraphs.get().table(s);
            tensors += subgraph.vector(SUBGRAPH_TENSORS, 4, "tensors").map(FlatVector::length).orElse(0L);
            Optional<FlatVector> ops = subgraph.vector(SUBGRAPH_OPERATORS, 4, "operators");
            long count = ops.map(FlatVector::length).orElse(0L);
            for (long o = 0; o < count; o++) {
                if ((o & 0xfff) == 0) {
                    deadline.check();
                }
                long index = ops.get().table(o).unsigned(OPERATOR_OPCODE_INDEX, 4, 0);
                if (index >= codes.size()) {
                    throw new FlatBufferFormatException("operator " + o + " of subgraph " + s + " names operator code "
                            + index + ", but the model has " + codes.size());
                }
                Distinct.count(uses, codes.get((int) index).label());
            }
            operators += count;
        }
        long buffers = checkBuffers(model, buffer.size());
        return new Model(version, codes, uses, subgraphCount, operators, tensors, buffers);
    }

    private List<TfliteOperator> operatorCodes(FlatTable model) throws IOException {
        Optional<FlatVector> vector = model.vector(MODEL_OPERATOR_CODES, 4, "operator codes");
        List<TfliteOperator> codes = new ArrayList<>();
        long count = vector.map(FlatVector::length).orElse(0L);
        for (long i = 0; i < count; i++) {
            FlatTable code = vector.get().table(i);
            long deprecated = code.signed(CODE_DEPRECATED_BUILTIN, 1, 0);
            long builtin = code.signed(CODE_BUILTIN, 4, 0);
            // Writers fill both fields; readers take the larger (the deprecated byte stops at 127).
            long effective = Math.max(deprecated, builtin);
            if (effective < 0 || effective > MAX_BUILTIN_CODE) {
                throw new FlatBufferFormatException("operator code " + i + " has builtin code " + effective);
            }
            String custom = null;
            if (effective == TfliteOperator.CUSTOM) {
                Optional<String> name = code.string(CODE_CUSTOM, MAX_NAME_BYTES, "custom code");
                if (name.isEmpty()) {
                    throw new FlatBufferFormatException("custom operator code " + i + " has no name");
                }
                custom = name.get();
            }
            codes.add(new TfliteOperator((int) i, (int) effective, custom));
        }
        return codes;
    }

    /** Buffers with data outside the flatbuffer (models over 2 GB) must lie inside the file. */
    private static long checkBuffers(FlatTable model, long fileSize) throws IOException {
        Optional<FlatVector> vector = model.vector(MODEL_BUFFERS, 4, "buffers");
        long count = vector.map(FlatVector::length).orElse(0L);
        for (long i = 0; i < count; i++) {
            FlatTable buffer = vector.get().table(i);
            buffer.vector(BUFFER_DATA, 1, "buffer data");
            long offset = buffer.unsigned(BUFFER_OFFSET, 8, 0);
            long size = buffer.unsigned(BUFFER_SIZE, 8, 0);
            // offset 1 with size 0 is the writer's placeholder for an empty buffer
            if (offset > 1 && (offset < 0 || size < 0 || offset > fileSize || size > fileSize - offset)) {
                throw new FlatBufferFormatException("buffer " + i + " lies at offset " + Long.toUnsignedString(offset)
                        + " with " + Long.toUnsignedString(size) + " bytes, outside the file");
            }
        }
        return count;
    }
}
