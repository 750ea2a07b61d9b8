package io.modelgate.scanner.pickle;

import java.util.Arrays;

/**
 * One edit of a pickle, placed relative to the length of what it edits so that the same edit applies to
 * any input: a bit flip, bytes overwritten or inserted, truncation, or a length/count field set to an
 * extreme value (the field after the opcode at that place when it has one, else four bytes there).
 */
record PickleMutation(Kind kind, double where, int bit, byte[] bytes, long extreme) {

    enum Kind { FLIP, OVERWRITE, INSERT, APPEND, TRUNCATE, EXTREME_LENGTH }

    /** Applies this edit to {@code data}, edits only at or after {@code from}; returns a new array. */
    byte[] apply(byte[] data, int from) {
        int span = data.length - from;
        int at = from + (int) Math.min(span, Math.floor(where * (span + 1)));
        switch (kind) {
            case FLIP -> {
                if (at < data.length) {
                    byte[] out = data.clone();
                    out[at] ^= (byte) (1 << bit);
                    return out;
                }
                return data;
            }
            case OVERWRITE -> {
                byte[] out = data.clone();
                System.arraycopy(bytes, 0, out, at, Math.min(bytes.length, data.length - at));
                return out;
            }
            case INSERT -> {
                return insert(data, at, bytes);
            }
            case APPEND -> {
                return insert(data, data.length, bytes);
            }
            case TRUNCATE -> {
                return Arrays.copyOf(data, at);
            }
            case EXTREME_LENGTH -> {
                return extremeLength(data, at);
            }
            default -> throw new IllegalStateException(kind.name());
        }
    }

    private byte[] extremeLength(byte[] data, int at) {
        if (at >= data.length) {
            return data;
        }
        Opcode op = Opcode.of(data[at] & 0xff);
        int width = op == null ? 4 : switch (op.arg) {
            case UINT1, DATA_LEN1, LONG_LEN1 -> 1;
            case UINT2 -> 2;
            case UINT4, INT4, DATA_LEN4, DATA_INT4, LONG_LEN4 -> 4;
            case UINT8, DATA_LEN8 -> 8;
            default -> 4;
        };
        int field = op == null ? at : at + 1;
        byte[] out = data.clone();
        for (int i = 0; i < width && field + i < out.length; i++) {
            out[field + i] = (byte) (extreme >>> (8 * i));
        }
        return out;
    }

    private static byte[] insert(byte[] data, int at, byte[] raw) {
        byte[] out = new byte[data.length + raw.length];
        System.arraycopy(data, 0, out, 0, at);
        System.arraycopy(raw, 0, out, at, raw.length);
        System.arraycopy(data, at, out, at + raw.length, data.length - at);
        return out;
    }

    @Override
    public String toString() {
        return kind + "@" + String.format("%.3f", where) + (kind == Kind.EXTREME_LENGTH ? "=" + Long.toHexString(extreme)
                : kind == Kind.FLIP ? " bit " + bit : kind == Kind.TRUNCATE ? "" : " " + bytes.length + " bytes");
    }
}
