package io.modelgate.scanner.gguf;

import io.modelgate.scanner.analysis.FormatProblem;
import io.modelgate.scanner.analysis.Deadline;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.io.LimitExceededException;
import io.modelgate.scanner.model.Rule;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the header, metadata and tensor infos of a GGUF file (v1–v3, either byte order). Every
 * count and length is checked against the bytes left before it is used, so a 2^62 count fails at
 * once; vocabularies are counted rather than kept, and kept strings share a byte budget.
 */
final class GgufReader {

    static final long DEFAULT_ALIGNMENT = 32;
    static final int GGML_MAX_NAME = 64;
    private static final int GGML_MAX_DIMS = 4;
    private static final int MAX_KEY_BYTES = 65_535;
    private static final int MAX_ARRAY_DEPTH = 8;
    private static final int KEPT_ARRAY_ELEMENTS = 64;
    private static final int KEPT_ARRAY_STRING_BYTES = 1024;
    static final int KEPT_STRING_BYTES = 16 << 20;
    private static final int TRUNCATED_PREFIX_BYTES = 64 * 1024;
    private static final long MAX_TENSORS = 200_000;
    private static final long MAX_KV = 100_000;
    private static final byte[] MAGIC = {'G', 'G', 'U', 'F'};

    private final Deadline deadline;
    private final long keptBudget;
    private final BinaryCursor in;
    private final List<FormatProblem> problems = new ArrayList<>();
    private long keptBytes;
    private long version;
    private Rule section = GgufRules.MALFORMED_HEADER;

    GgufReader(ByteSource source, Deadline deadline, long keptBudget) {
        this.deadline = deadline;
        this.keptBudget = keptBudget;
        this.in = new BinaryCursor(source, 0, ByteOrder.LITTLE_ENDIAN);
    }

    GgufFile read() throws IOException {
        Map<String, GgufEntry> metadata = new LinkedHashMap<>();
        List<GgufTensorInfo> tensors = new ArrayList<>();
        long tensorCount = -1;
        long kvCount = -1;
        long alignment = DEFAULT_ALIGNMENT;
        long dataStart = -1;
        try {
            readVersion();
            tensorCount = count("tensor count");
            kvCount = count("metadata count");
            checkCounts(tensorCount, kvCount);
            section = GgufRules.MALFORMED_METADATA;
            readMetadata(kvCount, metadata);
            alignment = alignment(metadata);
            section = GgufRules.MALFORMED_TENSOR_INFO;
            readTensorInfos(tensorCount, tensors);
            dataStart = align(in.position(), alignment);
        } catch (MalformedGgufException e) {
            return new GgufFile(version, in.order(), tensorCount, kvCount, metadata, tensors, alignment, dataStart,
                    problems, e.problem());
        } catch (EOFException e) {
            FormatProblem fatal = new FormatProblem(section, in.position(), null, "truncated: " + e.getMessage());
            return new GgufFile(version, in.order(), tensorCount, kvCount, metadata, tensors, alignment, dataStart,
                    problems, fatal);
        }
        return new GgufFile(version, in.order(), tensorCount, kvCount, metadata, tensors, alignment, dataStart,
                problems, null);
    }

    private void readVersion() throws IOException {
        byte[] magic = in.bytes(4);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw fatal(0, null, "missing GGUF magic");
        }
        long raw = in.u32();
        if (raw < 1 || raw > 3) {
            long swapped = Integer.reverseBytes((int) raw) & 0xffffffffL;
            if ((raw & 0xffff) != 0 || swapped < 1 || swapped > 3) {
                throw fatal(4, null, "unsupported GGUF version " + raw + " (known: 1 to 3)");
            }
            in.order(ByteOrder.BIG_ENDIAN);
            raw = swapped;
        }
        version = raw;
    }

    /** v1 wrote counts and lengths as u32, later versions as u64. */
    private long size() throws IOException {
        return version == 1 ? in.u32() : in.u64();
    }

    private long count(String what) throws IOException {
        long at = in.position();
        long n = size();
        if (n < 0) {
            throw fatal(at, null, what + " " + Long.toUnsignedString(n) + " is impossible");
        }
        return n;
    }

    private void checkCounts(long tensorCount, long kvCount) throws IOException {
        int sizeBytes = version == 1 ? 4 : 8;
        long minKv = sizeBytes + 4L + 1;
        long minTensor = sizeBytes + 4L + 4 + 8;
        long left = in.remaining();
        if (kvCount > left / minKv || tensorCount > left / minTensor
                || kvCount * minKv + tensorCount * minTensor > left) {
            throw fatal(8, null, "metadata count " + kvCount + " and tensor count " + tensorCount
                    + " cannot fit in the " + left + " bytes left in the file");
        }
        if (tensorCount > MAX_TENSORS || kvCount > MAX_KV) {
            throw new LimitExceededException("GGUF declares " + tensorCount + " tensors and " + kvCount
                    + " metadata entries, more than the supported " + MAX_TENSORS + " and " + MAX_KV);
        }
    }

    private void readMetadata(long kvCount, Map<String, GgufEntry> metadata) throws IOException {
        for (long i = 0; i < kvCount; i++) {
            if ((i & 255) == 0) {
                deadline.check();
            }
            long at = in.position();
            String key = readKey();
            long typeId = in.u32();
            GgufValueType type = GgufValueType.byId(typeId)
                    .orElseThrow(() -> fatal(at, key, "metadata '" + key + "' has unknown value type " + typeId));
            Object value = readValue(type, key, 0, true);
            if (metadata.containsKey(key)) {
                problems.add(new FormatProblem(GgufRules.MALFORMED_METADATA, at, key, "metadata key '" + key
                        + "' appears twice; loaders disagree on which value wins"));
            } else {
                metadata.put(key, new GgufEntry(key, type, value, at));
            }
        }
    }

    private String readKey() throws IOException {
        long at = in.position();
        long len = size();
        if (len < 0 || len > MAX_KEY_BYTES || len > in.remaining()) {
            throw fatal(at, null, "metadata key length " + Long.toUnsignedString(len)
                    + " exceeds " + MAX_KEY_BYTES + " bytes or the end of the file");
        }
        return decode(in.bytes((int) len), at, "metadata key");
    }

    private Object readValue(GgufValueType type, String key, int depth, boolean keep) throws IOException {
        return switch (type) {
            case UINT8 -> (long) in.u8();
            case INT8 -> (long) (byte) in.u8();
            case UINT16 -> (long) in.u16();
            case INT16 -> (long) (short) in.u16();
            case UINT32 -> in.u32();
            case INT32 -> (long) in.i32();
            case UINT64, INT64 -> in.u64();
            case FLOAT32 -> (double) in.f32();
            case FLOAT64 -> in.f64();
            case BOOL -> readBool(key);
            case STRING -> readString(key, keep ? KEPT_STRING_BYTES : 0);
            case ARRAY -> readArray(key, depth, keep);
        };
    }

    private Boolean readBool(String key) throws IOException {
        long at = in.position();
        int b = in.u8();
        if (b > 1) {
            problems.add(new FormatProblem(GgufRules.MALFORMED_METADATA, at, key,
                    "boolean in '" + key + "' has value " + b + " (only 0 and 1 are valid)"));
        }
        return b != 0;
    }

    /** A string value; kept whole up to {@code keepMax} bytes, else its prefix (or nothing) is kept. */
    private Object readString(String key, int keepMax) throws IOException {
        long at = in.position();
        long len = size();
        if (len < 0 || len > in.remaining()) {
            throw fatal(at, key, "string length " + Long.toUnsignedString(len) + " in '" + key
                    + "' runs past the end of the file");
        }
        if (keepMax == 0) {
            in.skip(len);
            return null;
        }
        long start = in.position();
        int kept = (int) Math.min(len, len <= keepMax ? keepMax : TRUNCATED_PREFIX_BYTES);
        keptBytes += kept;
        if (keptBytes > keptBudget) {
            throw new LimitExceededException("GGUF metadata strings exceed " + keptBudget + " bytes");
        }
        String text = decode(in.bytes(kept), at, "string in '" + key + "'");
        in.skip(len - kept);
        return kept == len ? text : new TruncatedString(text, len, start);
    }

    private GgufArray readArray(String key, int depth, boolean keep) throws IOException {
        long at = in.position();
        long typeId = in.u32();
        GgufValueType type = GgufValueType.byId(typeId)
                .orElseThrow(() -> fatal(at, key, "array in '" + key + "' has unknown element type " + typeId));
        long length = size();
        if (depth >= MAX_ARRAY_DEPTH) {
            throw fatal(at, key, "arrays in '" + key + "' nest deeper than " + MAX_ARRAY_DEPTH + " levels");
        }
        long minElement = type.size > 0 ? type.size : type == GgufValueType.STRING ? sizeBytes() : 4L + sizeBytes();
        if (length < 0 || length > in.remaining() / minElement) {
            throw fatal(at, key, "array of " + Long.toUnsignedString(length) + " " + type + " in '" + key
                    + "' cannot fit in the " + in.remaining() + " bytes left");
        }
        boolean keepElements = keep && length <= KEPT_ARRAY_ELEMENTS && type != GgufValueType.ARRAY;
        if (!keepElements && type.size > 0) {
            in.skip(length * type.size);
            return new GgufArray(type, length, null);
        }
        List<Object> elements = keepElements ? new ArrayList<>((int) length) : null;
        for (long i = 0; i < length; i++) {
            if ((i & 4095) == 4095) {
                deadline.check();
            }
            Object element = type == GgufValueType.STRING
                    ? readString(key, keepElements ? KEPT_ARRAY_STRING_BYTES : 0)
                    : readValue(type, key, depth + 1, false);
            if (elements != null) {
                elements.add(element);
            }
        }
        return new GgufArray(type, length, elements);
    }

    private int sizeBytes() {
        return version == 1 ? 4 : 8;
    }

    private long alignment(Map<String, GgufEntry> metadata) {
        GgufEntry entry = metadata.get("general.alignment");
        if (entry == null) {
            return DEFAULT_ALIGNMENT;
        }
        if (entry.type() == GgufValueType.UINT32 && entry.value() instanceof Long a && a > 0 && Long.bitCount(a) == 1) {
            return a;
        }
        problems.add(new FormatProblem(GgufRules.MALFORMED_METADATA, entry.at(), entry.key(),
                "general.alignment must be a u32 power of two, found " + entry.type() + " " + entry.value()
                        + "; checked with the default of " + DEFAULT_ALIGNMENT));
        return DEFAULT_ALIGNMENT;
    }

    private void readTensorInfos(long tensorCount, List<GgufTensorInfo> tensors) throws IOException {
        Set<String> names = new HashSet<>();
        for (long i = 0; i < tensorCount; i++) {
            if ((i & 255) == 0) {
                deadline.check();
            }
            long at = in.position();
            long nameLength = size();
            if (nameLength < 0 || nameLength > MAX_KEY_BYTES || nameLength > in.remaining()) {
                throw fatal(at, null, "tensor name length " + Long.toUnsignedString(nameLength)
                        + " exceeds " + MAX_KEY_BYTES + " bytes or the end of the file");
            }
            String name = decode(in.bytes((int) nameLength), at, "tensor name");
            if (nameLength >= GGML_MAX_NAME) {
                problems.add(new FormatProblem(GgufRules.MALFORMED_TENSOR_INFO, at, name,
                        "tensor name of " + nameLength + " bytes is longer than ggml's limit of " + (GGML_MAX_NAME - 1)));
            }
            long nDims = in.u32();
            if (nDims > GGML_MAX_DIMS) {
                throw fatal(at, name, "tensor '" + name + "' has " + nDims + " dimensions (ggml allows "
                        + GGML_MAX_DIMS + ")");
            }
            long[] dims = new long[(int) nDims];
            for (int d = 0; d < nDims; d++) {
                dims[d] = version == 1 ? in.u32() : in.u64();
            }
            long typeId = in.u32();
            long offset = in.u64();
            if (!names.add(name)) {
                problems.add(new FormatProblem(GgufRules.MALFORMED_TENSOR_INFO, at, name,
                        "tensor name '" + name + "' appears twice"));
            }
            tensors.add(new GgufTensorInfo(name, dims, typeId, offset, byteSize(name, dims, typeId, at), at));
        }
    }

    private long byteSize(String name, long[] dims, long typeId, long at) {
        GgufTensorInfo probe = new GgufTensorInfo(name, dims, typeId, 0, -1, at);
        long elements = probe.elements();
        if (elements < 0) {
            problems.add(new FormatProblem(GgufRules.MALFORMED_TENSOR_INFO, at, name, "dimensions "
                    + dimsText(dims) + " of tensor '" + name + "' are negative or overflow 64 bits"));
            return -1;
        }
        var type = GgmlType.byId(typeId);
        if (type.isEmpty()) {
            problems.add(new FormatProblem(GgufRules.UNKNOWN_TYPE, at, name, "tensor '" + name
                    + "' has ggml type id " + typeId + ", unknown or removed; its size was not checked"));
            return -1;
        }
        long bytes = type.get().bytesFor(elements);
        boolean wholeRows = dims.length == 0 || dims[0] % type.get().blockElements == 0;
        if (bytes < 0 || !wholeRows) {
            problems.add(new FormatProblem(GgufRules.MALFORMED_TENSOR_INFO, at, name, "tensor '" + name + "' of "
                    + type.get() + " with dimensions " + dimsText(dims) + " is not a whole number of "
                    + type.get().blockElements + "-element blocks per row, or its size overflows"));
            return -1;
        }
        return bytes;
    }

    static String dimsText(long[] dims) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < dims.length; i++) {
            s.append(i == 0 ? "" : ", ").append(Long.toUnsignedString(dims[i]));
        }
        return s.append(']').toString();
    }

    static long align(long position, long alignment) {
        long rest = position % alignment;
        return rest == 0 ? position : position + (alignment - rest);
    }

    private String decode(byte[] bytes, long at, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            problems.add(new FormatProblem(section, at, text.length() > 64 ? text.substring(0, 64) : text,
                    what + " is not valid UTF-8"));
            return text;
        }
    }

    private MalformedGgufException fatal(long at, String subject, String message) {
        return new MalformedGgufException(section, at, subject, message);
    }
}
