package io.modelgate.scanner.flax;

import io.modelgate.scanner.analysis.Deadline;
import io.modelgate.scanner.analysis.FormatProblem;
import io.modelgate.scanner.gguf.BinaryCursor;
import io.modelgate.scanner.io.ByteSource;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Reads a {@code flax.serialization.to_bytes} file as {@code msgpack.unpackb} with Flax's extension hook would:
 * exactly one top-level object, every length and count checked against the bytes left, nesting bounded, and
 * every extension value checked: ndarray and numpy scalar (a nested (shape, dtype name, bytes) triple whose
 * shape and dtype must account for the bytes), complex (two numbers) and tuple (a nested array). Payload bytes
 * are skipped, never copied.
 */
final class FlaxCheckpointReader {

    static final int MAX_DEPTH = 128;
    private static final int MAX_KEY_CHARS = 256;
    private static final int MAX_KEPT_ITEMS = 64;
    private static final int MAX_REPORTED = 50;
    /** Values kept in memory over the whole file (the parts of extension records are small). */
    private static final long MAX_KEPT = 1_000_000;

    private final Deadline deadline;
    private final FlaxReport report = new FlaxReport();
    private long kept;

    FlaxCheckpointReader(Deadline deadline) {
        this.deadline = deadline;
    }

    FlaxReport read(ByteSource source) throws IOException {
        BinaryCursor in = new BinaryCursor(source, 0, ByteOrder.BIG_ENDIAN);
        try {
            value(in, source, 0, "", false);
            if (in.remaining() > 0) {
                problem(FlaxRules.MALFORMED, in.position(), null, in.remaining() + " bytes follow the top-level object; "
                        + "msgpack.unpackb rejects the file (ExtraData)");
            }
        } catch (MsgpackFormatException e) {
            problem(FlaxRules.MALFORMED, e.offset, null, e.getMessage());
            report.unproven.add("msgpack reading stopped: " + e.getMessage());
        } catch (EOFException e) {
            problem(FlaxRules.MALFORMED, in.position(), null, "the file ends inside a value (" + e.getMessage() + ")");
            report.unproven.add("msgpack reading stopped: the file ends inside a value");
        }
        return report;
    }

    /**
     * Reads one value at the cursor. {@code keep} asks for a small in-memory copy (the parts of an extension
     * record); otherwise containers are walked and nothing is kept.
     */
    private MsgpackValue value(BinaryCursor in, ByteSource source, int depth, String path, boolean keep)
            throws IOException {
        if (depth > MAX_DEPTH) {
            throw new MsgpackFormatException(in.position(), "values nested deeper than " + MAX_DEPTH + " levels");
        }
        if ((++report.values & 0xfff) == 0) {
            deadline.check();
        }
        long at = in.position();
        int b = in.u8();
        if (b <= 0x7f || b >= 0xe0) {
            return new MsgpackValue.Int((byte) b);
        }
        if (b <= 0x8f) {
            return map(in, source, b & 0x0f, depth, path);
        }
        if (b <= 0x9f) {
            return array(in, source, b & 0x0f, depth, path, keep);
        }
        if (b <= 0xbf) {
            return text(in, b & 0x1f, keep);
        }
        return switch (b) {
            case 0xc0 -> new MsgpackValue.Other("nil");
            case 0xc1 -> throw new MsgpackFormatException(at, "byte 0xc1 at offset " + at + " is reserved in msgpack");
            case 0xc2, 0xc3 -> new MsgpackValue.Other("bool");
            case 0xc4 -> blob(in, in.u8());
            case 0xc5 -> blob(in, in.u16());
            case 0xc6 -> blob(in, in.u32());
            case 0xc7 -> extension(in, source, in.u8(), depth, path, at);
            case 0xc8 -> extension(in, source, in.u16(), depth, path, at);
            case 0xc9 -> extension(in, source, in.u32(), depth, path, at);
            case 0xca -> skipNumber(in, 4);
            case 0xcb -> skipNumber(in, 8);
            case 0xcc -> new MsgpackValue.Int(in.u8());
            case 0xcd -> new MsgpackValue.Int(in.u16());
            case 0xce -> new MsgpackValue.Int(in.u32());
            case 0xcf, 0xd3 -> new MsgpackValue.Int(in.u64());
            case 0xd0 -> new MsgpackValue.Int((byte) in.u8());
            case 0xd1 -> new MsgpackValue.Int((short) in.u16());
            case 0xd2 -> new MsgpackValue.Int(in.i32());
            case 0xd4 -> extension(in, source, 1, depth, path, at);
            case 0xd5 -> extension(in, source, 2, depth, path, at);
            case 0xd6 -> extension(in, source, 4, depth, path, at);
            case 0xd7 -> extension(in, source, 8, depth, path, at);
            case 0xd8 -> extension(in, source, 16, depth, path, at);
            case 0xd9 -> text(in, in.u8(), keep);
            case 0xda -> text(in, in.u16(), keep);
            case 0xdb -> text(in, in.u32(), keep);
            case 0xdc -> array(in, source, in.u16(), depth, path, keep);
            case 0xdd -> array(in, source, in.u32(), depth, path, keep);
            case 0xde -> map(in, source, in.u16(), depth, path);
            default -> map(in, source, in.u32(), depth, path);
        };
    }

    private static MsgpackValue skipNumber(BinaryCursor in, int width) throws IOException {
        in.skip(width);
        return new MsgpackValue.Other("float");
    }

    private MsgpackValue map(BinaryCursor in, ByteSource source, long count, int depth, String path) throws IOException {
        requireItems(in, count * 2, "map of " + count + " entries");
        for (long i = 0; i < count; i++) {
            MsgpackValue key = value(in, source, depth + 1, path, true);
            String name = key instanceof MsgpackValue.Text t ? t.text()
                    : key instanceof MsgpackValue.Int n ? Long.toString(n.value()) : "?";
            value(in, source, depth + 1, path.isEmpty() ? name : path + "/" + name, false);
        }
        return new MsgpackValue.Other("map");
    }

    private MsgpackValue array(BinaryCursor in, ByteSource source, long count, int depth, String path, boolean keep)
            throws IOException {
        requireItems(in, count, "array of " + count + " items");
        List<MsgpackValue> items = keep ? new ArrayList<>() : null;
        for (long i = 0; i < count; i++) {
            MsgpackValue item = value(in, source, depth + 1, path + "[" + i + "]", keep);
            if (keep && items.size() < MAX_KEPT_ITEMS && kept < MAX_KEPT) {
                items.add(item);
                kept++;
            }
        }
        return keep && items.size() == count ? new MsgpackValue.Items(items) : new MsgpackValue.Other("array");
    }

    /** Every item takes at least one byte: a count beyond the bytes left is impossible. */
    private static void requireItems(BinaryCursor in, long items, String what) throws MsgpackFormatException {
        if (items < 0 || items > in.remaining()) {
            throw new MsgpackFormatException(in.position(), "a " + what + " cannot fit in the "
                    + in.remaining() + " bytes left");
        }
    }

    private static MsgpackValue text(BinaryCursor in, long length, boolean keep) throws IOException {
        requireBytes(in, length, "string");
        if (keep && length <= MAX_KEY_CHARS * 4L) {
            return new MsgpackValue.Text(new String(in.bytes((int) length), StandardCharsets.UTF_8));
        }
        long at = in.position();
        in.skip(length);
        return new MsgpackValue.Blob(at, length);
    }

    private static MsgpackValue blob(BinaryCursor in, long length) throws IOException {
        requireBytes(in, length, "binary value");
        long at = in.position();
        in.skip(length);
        return new MsgpackValue.Blob(at, length);
    }

    private static void requireBytes(BinaryCursor in, long length, String what) throws MsgpackFormatException {
        if (length > in.remaining()) {
            throw new MsgpackFormatException(in.position(), "a " + what + " of " + length + " bytes runs past the end ("
                    + in.remaining() + " bytes left)");
        }
    }

    private MsgpackValue extension(BinaryCursor in, ByteSource source, long length, int depth, String path, long at)
            throws IOException {
        int code = (byte) in.u8();
        requireBytes(in, length, "extension value");
        long start = in.position();
        in.skip(length);
        ByteSource payload = source.slice(start, length);
        switch (code) {
            case 1, 3 -> ndarray(payload, start, depth, path, code == 3);
            case 2 -> complex(payload, start, depth, path);
            case 4 -> nested(payload, start, depth, path, "tuple");
            default -> {
                problem(FlaxRules.UNKNOWN_EXTENSION, at, path, "'" + path + "' is a msgpack extension of code " + code
                        + ", which Flax does not define");
                report.unproven.add("msgpack extension code " + code + " at '" + path + "' is not one Flax defines");
            }
        }
        return new MsgpackValue.Other("extension");
    }

    /** The payload is one msgpack object on its own: extra bytes after it make unpackb fail. */
    private MsgpackValue whole(ByteSource payload, long start, int depth, String path, boolean keep) throws IOException {
        BinaryCursor in = new BinaryCursor(payload, 0, ByteOrder.BIG_ENDIAN);
        MsgpackValue value;
        try {
            value = value(in, payload, depth + 1, path, keep);
        } catch (MsgpackFormatException e) {
            throw new MsgpackFormatException(start + e.offset, "in the extension value of '" + path + "': "
                    + e.getMessage());
        } catch (EOFException e) {
            throw new MsgpackFormatException(start, "the extension value of '" + path + "' ends inside a value");
        }
        if (in.remaining() > 0) {
            throw new MsgpackFormatException(start + in.position(), "the extension value of '" + path + "' has "
                    + in.remaining() + " bytes after its object");
        }
        return value;
    }

    private void nested(ByteSource payload, long start, int depth, String path, String what) throws IOException {
        MsgpackValue value = whole(payload, start, depth, path, false);
        boolean array = value instanceof MsgpackValue.Other o && o.kind().equals("array");
        if (!array) {
            problem(FlaxRules.BAD_ARRAY, start, path, "'" + path + "' is a " + what + " extension that does not hold "
                    + "an array");
        }
    }

    private void complex(ByteSource payload, long start, int depth, String path) throws IOException {
        MsgpackValue value = whole(payload, start, depth, path, true);
        boolean pair = value instanceof MsgpackValue.Items items && items.items().size() == 2
                && items.items().stream().allMatch(v -> v instanceof MsgpackValue.Int
                || v instanceof MsgpackValue.Other o && o.kind().equals("float"));
        if (!pair) {
            problem(FlaxRules.BAD_ARRAY, start, path, "'" + path + "' is a complex extension that is not a pair of numbers");
        }
    }

    private void ndarray(ByteSource payload, long start, int depth, String path, boolean scalar) throws IOException {
        MsgpackValue value = whole(payload, start, depth, path, true);
        report.arrays++;
        if (!(value instanceof MsgpackValue.Items triple) || triple.items().size() != 3
                || !(triple.items().get(0) instanceof MsgpackValue.Items shape)
                || !(triple.items().get(2) instanceof MsgpackValue.Blob data)) {
            problem(FlaxRules.BAD_ARRAY, start, path, "'" + path + "' is an ndarray extension that is not a (shape, "
                    + "dtype, bytes) triple");
            return;
        }
        String dtype = dtypeName(triple.items().get(1), payload);
        long elements = 1;
        for (MsgpackValue extent : shape.items()) {
            if (!(extent instanceof MsgpackValue.Int n) || n.value() < 0) {
                problem(FlaxRules.BAD_ARRAY, start, path, "'" + path + "' has a shape that is not a list of sizes");
                return;
            }
            try {
                elements = Math.multiplyExact(elements, n.value());
            } catch (ArithmeticException e) {
                problem(FlaxRules.BAD_ARRAY, start, path, "'" + path + "' has a shape whose size overflows");
                return;
            }
        }
        if (scalar && !shape.items().isEmpty()) {
            problem(FlaxRules.BAD_ARRAY, start, path, "'" + path + "' is a numpy scalar with a non-empty shape");
        }
        OptionalInt size = dtype == null ? OptionalInt.empty() : NumpyDtypeNames.itemSize(dtype);
        if (size.isEmpty()) {
            report.unproven.add("'" + path + "' has dtype " + (dtype == null ? "(not a name)" : "'" + dtype + "'")
                    + ", not a numeric type this reader knows, so its size was not checked");
            return;
        }
        if (elements > Long.MAX_VALUE / size.getAsInt() || elements * size.getAsInt() != data.length()) {
            problem(FlaxRules.BAD_ARRAY, start, path, "'" + path + "' declares " + elements + " " + dtype
                    + " elements but carries " + data.length() + " bytes");
        }
    }

    private static String dtypeName(MsgpackValue value, ByteSource payload) throws IOException {
        if (value instanceof MsgpackValue.Text t) {
            return t.text();
        }
        if (value instanceof MsgpackValue.Blob b && b.length() <= 64) {
            return new String(payload.readFully(b.offset(), (int) b.length()), StandardCharsets.UTF_8);
        }
        return null;
    }

    private void problem(io.modelgate.scanner.model.Rule rule, long offset, String subject, String message) {
        if (report.problems.size() < MAX_REPORTED) {
            report.problems.add(new FormatProblem(rule, offset, subject, message));
        }
    }
}
