package io.modelgate.scanner.paddle;

import io.modelgate.scanner.analysis.Deadline;
import io.modelgate.scanner.gguf.BinaryCursor;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.protobuf.ProtoReader;
import io.modelgate.scanner.protobuf.WireType;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.Map;

/**
 * Reads the tensor stream of {@code save_combine} ({@code .pdiparams}, and the per-variable files of older
 * exports) with bounds. Each tensor: uint32 version 0, uint64 LoD level count, per level a uint64 byte length
 * and its offsets, then uint32 version 0, int32 TensorDesc length, the TensorDesc (data_type 1, dims 2), and
 * numel × item size bytes. Tensors follow each other to the end of the file.
 */
final class PaddleParamsReader {

    /** Item sizes of VarType.Type data types (framework.proto). */
    private static final Map<Long, Integer> ITEM_SIZES = Map.ofEntries(
            Map.entry(0L, 1), Map.entry(1L, 2), Map.entry(2L, 4), Map.entry(3L, 8), Map.entry(4L, 2),
            Map.entry(5L, 4), Map.entry(6L, 8), Map.entry(19L, 8), Map.entry(20L, 1), Map.entry(21L, 1),
            Map.entry(22L, 2), Map.entry(23L, 8), Map.entry(24L, 16));
    static final int MAX_TENSORS = 1_000_000;
    private static final long MAX_LOD_LEVELS = 16;
    private static final int MAX_DESC = 1 << 16;
    private static final int MAX_DIMS = 16;

    /** Why reading stopped, and where; {@code unknownType} marks a data type outside the table (not malformed). */
    record Result(int tensors, String problem, long offset, boolean unknownType) {
    }

    private final Deadline deadline;

    PaddleParamsReader(Deadline deadline) {
        this.deadline = deadline;
    }

    Result read(ByteSource source) throws IOException {
        BinaryCursor in = new BinaryCursor(source, 0, ByteOrder.LITTLE_ENDIAN);
        int tensors = 0;
        long at = 0;
        try {
            while (in.remaining() > 0) {
                deadline.check();
                if (tensors == MAX_TENSORS) {
                    return new Result(tensors, "more than " + MAX_TENSORS + " tensors", in.position(), false);
                }
                at = in.position();
                String problem = tensor(source, in);
                if (problem != null) {
                    return new Result(tensors, "tensor " + tensors + ": " + problem, at,
                            problem.startsWith("data type"));
                }
                tensors++;
            }
        } catch (EOFException e) {
            return new Result(tensors, "tensor " + tensors + " is cut off by the end of the file", at, false);
        }
        return new Result(tensors, null, -1, false);
    }

    /** Reads one tensor record; returns what is wrong with it, or null. */
    private static String tensor(ByteSource source, BinaryCursor in) throws IOException {
        long version = in.u32();
        if (version != 0) {
            return "LoD version " + version + " (only 0 exists)";
        }
        long levels = in.u64();
        if (levels < 0 || levels > MAX_LOD_LEVELS) {
            return "LoD level count " + Long.toUnsignedString(levels);
        }
        for (long l = 0; l < levels; l++) {
            long bytes = in.u64();
            if (bytes < 0 || bytes > in.remaining() || bytes % 8 != 0) {
                return "LoD level of " + Long.toUnsignedString(bytes) + " bytes";
            }
            in.skip(bytes);
        }
        long tensorVersion = in.u32();
        if (tensorVersion != 0) {
            return "tensor version " + tensorVersion + " (only 0 exists)";
        }
        int descLength = in.i32();
        if (descLength < 0 || descLength > MAX_DESC || descLength > in.remaining()) {
            return "description of " + descLength + " bytes";
        }
        long descAt = in.position();
        in.skip(descLength);
        long[] typeAndCount = describe(source.slice(descAt, descLength));
        if (typeAndCount == null) {
            return "description is not a TensorDesc with a data type and non-negative dimensions";
        }
        Integer itemSize = ITEM_SIZES.get(typeAndCount[0]);
        if (itemSize == null) {
            return "data type " + typeAndCount[0] + " is not one whose size this reader knows";
        }
        long bytes;
        try {
            bytes = Math.multiplyExact(typeAndCount[1], (long) itemSize);
        } catch (ArithmeticException e) {
            return "dimensions overflow";
        }
        if (bytes > in.remaining()) {
            return "data of " + bytes + " bytes runs past the end of the file";
        }
        in.skip(bytes);
        return null;
    }

    /** {data type, element count} of a TensorDesc, or null when it is not one. */
    private static long[] describe(ByteSource desc) {
        try {
            ProtoReader reader = ProtoReader.of(desc, 2);
            long type = -1;
            long[] count = {1};
            int[] dims = {0};
            boolean[] bad = {false};
            while (reader.next()) {
                if (reader.field() == 1 && reader.wireType() == WireType.VARINT) {
                    type = reader.varint();
                } else if (reader.field() == 2) {
                    reader.varints(MAX_DIMS - dims[0], d -> {
                        dims[0]++;
                        if (d < 0 || (count[0] != 0 && d > Long.MAX_VALUE / Math.max(count[0], 1))) {
                            bad[0] = true;
                        } else {
                            count[0] *= d;
                        }
                    });
                } else {
                    return null;
                }
            }
            return type < 0 || bad[0] ? null : new long[]{type, count[0]};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
