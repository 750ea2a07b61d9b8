package io.modelgate.scanner.mxnet;

import io.modelgate.scanner.analysis.Deadline;
import io.modelgate.scanner.io.ByteSource;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads an MXNet NDArray list as NDArray::Load does: list magic and reserved word, the arrays (format V1, V2 with
 * storage type, V3 with NumPy shape semantics, or the legacy layout whose first word is the rank), then the names.
 * Every rank, dimension, type and byte count is checked against the file before it is used; array data is skipped,
 * never read. Sparse arrays are read with their storage shape and auxiliary arrays.
 */
final class NdArrayListReader {

    static final long V1 = 0xF993FAC8L;
    static final long V2 = 0xF993FAC9L;
    static final long V3 = 0xF993FACAL;
    private static final int MAX_RANK = 32;
    private static final int MAX_NAME = 4096;
    private static final long MAX_ARRAYS = 10_000_000;
    /** Element sizes of mshadow type flags 0..12 (float32, float64, float16, uint8, int32, int8, int64, bool, ...). */
    private static final int[] TYPE_SIZES = {4, 8, 2, 1, 4, 1, 8, 1, 2, 2, 4, 8, 2};
    private static final String[] TYPE_NAMES = {"float32", "float64", "float16", "uint8", "int32", "int8", "int64",
            "bool", "int16", "uint16", "uint32", "uint64", "bfloat16"};

    record Content(long arrays, long elements, Map<String, Long> dtypes, List<String> names, long trailingBytes) {
    }

    private final ByteSource source;
    private final Deadline deadline;
    private long position;

    NdArrayListReader(ByteSource source, Deadline deadline) {
        this.source = source;
        this.deadline = deadline;
    }

    Content read() throws IOException {
        if (u64() != MxnetParamsDetector.LIST_MAGIC) {
            throw new MxnetFormatException("no NDArray list magic");
        }
        u64(); // reserved: written as zero, not checked by MXNet
        long count = u64();
        if (count < 0 || count > MAX_ARRAYS || count > (source.size() - position) / 4) {
            throw new MxnetFormatException("the list declares " + Long.toUnsignedString(count) + " arrays");
        }
        Map<String, Long> dtypes = new TreeMap<>();
        long elements = 0;
        for (long i = 0; i < count; i++) {
            if ((i & 0x3ff) == 0) {
                deadline.check();
            }
            elements += array(i, dtypes);
        }
        long nameCount = u64();
        if (nameCount != 0 && nameCount != count) {
            throw new MxnetFormatException("the list has " + count + " arrays but " + Long.toUnsignedString(nameCount)
                    + " names");
        }
        List<String> names = new ArrayList<>();
        for (long i = 0; i < nameCount; i++) {
            long length = u64();
            if (length < 0 || length > source.size() - position) {
                throw new MxnetFormatException("name " + i + " declares " + Long.toUnsignedString(length) + " bytes");
            }
            if (names.size() < 64) {
                names.add(new String(source.readFully(position, (int) Math.min(length, MAX_NAME)),
                        StandardCharsets.UTF_8));
            }
            position += length;
        }
        return new Content(count, elements, dtypes, names, source.size() - position);
    }

    /** One array; returns its element count. */
    private long array(long index, Map<String, Long> dtypes) throws IOException {
        long magic = u32();
        if (magic != V1 && magic != V2 && magic != V3) {
            // legacy layout: the word is the rank, then 32-bit dimensions
            long[] shape = dims(index, magic, 4);
            return shape.length == 0 ? 0 : data(index, shape, dtypes);
        }
        int auxiliaries = 0;
        if (magic != V1) {
            long storage = i32();
            auxiliaries = switch ((int) storage) {
                case 0 -> 0;
                case 1 -> 1;
                case 2 -> 2;
                default -> throw new MxnetFormatException("array " + index + " has storage type " + storage);
            };
        }
        long[] storageShape = auxiliaries > 0 ? shape(index) : null;
        long[] shape = shape(index);
        boolean unknown = shape == null;
        if (unknown || shape.length == 0) {
            return 0; // an empty (none) array: nothing follows
        }
        i32(); // device type
        i32(); // device id
        int type = typeFlag(index);
        long[][] auxShapes = new long[auxiliaries][];
        int[] auxTypes = new int[auxiliaries];
        for (int a = 0; a < auxiliaries; a++) {
            auxTypes[a] = typeFlag(index);
            auxShapes[a] = shape(index);
            if (auxShapes[a] == null) {
                throw new MxnetFormatException("array " + index + " has an auxiliary array of unknown shape");
            }
        }
        long[] stored = auxiliaries > 0 ? storageShape : shape;
        if (stored == null) {
            throw new MxnetFormatException("sparse array " + index + " has a storage shape of unknown rank");
        }
        skip(index, product(index, stored), TYPE_SIZES[type]);
        for (int a = 0; a < auxiliaries; a++) {
            skip(index, product(index, auxShapes[a]), TYPE_SIZES[auxTypes[a]]);
        }
        dtypes.merge(TYPE_NAMES[type], 1L, Long::sum);
        return product(index, shape);
    }

    private long data(long index, long[] shape, Map<String, Long> dtypes) throws IOException {
        i32();
        i32();
        int type = typeFlag(index);
        long count = product(index, shape);
        skip(index, count, TYPE_SIZES[type]);
        dtypes.merge(TYPE_NAMES[type], 1L, Long::sum);
        return count;
    }

    /** A TShape: 32-bit rank (-1: unknown, returned as null), then 64-bit dimensions. */
    private long[] shape(long index) throws IOException {
        long rank = i32();
        if (rank == -1) {
            return null;
        }
        return dims(index, rank, 8);
    }

    private long[] dims(long index, long rank, int width) throws IOException {
        if (rank < 0 || rank > MAX_RANK) {
            throw new MxnetFormatException("array " + index + " has rank " + rank);
        }
        long[] dims = new long[(int) rank];
        for (int d = 0; d < rank; d++) {
            dims[d] = width == 8 ? u64() : u32();
            if (dims[d] < 0) {
                throw new MxnetFormatException("array " + index + " has dimension " + dims[d]);
            }
        }
        return dims;
    }

    private int typeFlag(long index) throws IOException {
        long type = i32();
        if (type < 0 || type >= TYPE_SIZES.length) {
            throw new MxnetFormatException("array " + index + " has data type " + type);
        }
        return (int) type;
    }

    private static long product(long index, long[] shape) throws MxnetFormatException {
        long count = 1;
        for (long d : shape) {
            if (d != 0 && count > Long.MAX_VALUE / d) {
                throw new MxnetFormatException("array " + index + " has more elements than a file can hold");
            }
            count *= d;
        }
        return count;
    }

    private void skip(long index, long count, int width) throws IOException {
        if (count > (source.size() - position) / width) {
            throw new MxnetFormatException("array " + index + " needs " + count + " elements of " + width
                    + " bytes, more than the file holds after offset " + position);
        }
        position += count * width;
    }

    private long u64() throws IOException {
        return read(8).getLong();
    }

    private long u32() throws IOException {
        return Integer.toUnsignedLong(read(4).getInt());
    }

    private long i32() throws IOException {
        return read(4).getInt();
    }

    private ByteBuffer read(int width) throws IOException {
        if (position > source.size() - width) {
            throw new EOFException("the NDArray list ends at offset " + source.size() + ", inside a field at "
                    + position);
        }
        ByteBuffer buffer = ByteBuffer.wrap(source.readFully(position, width)).order(ByteOrder.LITTLE_ENDIAN);
        position += width;
        return buffer;
    }
}
