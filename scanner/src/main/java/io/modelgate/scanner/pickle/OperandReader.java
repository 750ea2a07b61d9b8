package io.modelgate.scanner.pickle;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Reads the inline argument of an opcode, checking every length against the bytes left before
 * anything is allocated. Length-prefixed data is not read here: it is returned as a {@link DataRef}
 * so large constants (tensor bytes) are never copied.
 */
final class OperandReader {

    /** Longest LONG1/LONG4 payload turned into a number; longer integers are modelled as unknown. */
    private static final int MAX_LONG_BYTES = 4096;
    /** Module and attribute names, persistent ids and decimal numbers are short. */
    private static final int MAX_NAME_LINE = 64 * 1024;

    /** Length-prefixed bytes in the stream. */
    record DataRef(long offset, long length) {
    }

    /** The two lines of GLOBAL and INST. */
    record NamePair(String module, String name) {
    }

    private final PickleInput in;
    private final int maxLine;

    OperandReader(PickleInput in, int maxLine) {
        this.in = in;
        this.maxLine = maxLine;
    }

    /**
     * The argument of {@code op} at {@code offset}: Long, Double, String, byte[], BigInteger (null when
     * too long), DataRef or NamePair according to {@link Opcode.Arg}.
     */
    Object read(Opcode op, long offset) throws IOException, PickleBreak {
        return switch (op.arg) {
            case NONE -> null;
            case UINT1 -> in.readLittleEndian(1, offset);
            case UINT2 -> in.readLittleEndian(2, offset);
            case UINT4 -> in.readLittleEndian(4, offset);
            case INT4 -> (long) (int) in.readLittleEndian(4, offset);
            case UINT8 -> in.readLittleEndian(8, offset);
            case FLOAT8 -> Double.longBitsToDouble(Long.reverseBytes(in.readLittleEndian(8, offset)));
            case DECIMAL_LINE, LONG_LINE, FLOAT_LINE, ASCII_LINE -> ascii(in.readLine(MAX_NAME_LINE, offset));
            case QUOTED_LINE -> quoted(op, offset);
            case RAW_UNICODE_LINE -> rawUnicode(op, offset);
            case NAME_PAIR -> new NamePair(utf8(in.readLine(MAX_NAME_LINE, offset)),
                    utf8(in.readLine(MAX_NAME_LINE, offset)));
            case LONG_LEN1 -> longBytes(in.readLittleEndian(1, offset), offset);
            case LONG_LEN4 -> longBytes((int) in.readLittleEndian(4, offset), offset);
            case DATA_LEN1 -> data(in.readLittleEndian(1, offset), offset);
            case DATA_LEN4 -> data(in.readLittleEndian(4, offset), offset);
            case DATA_INT4 -> data((int) in.readLittleEndian(4, offset), offset);
            case DATA_LEN8 -> data(in.readLittleEndian(8, offset), offset);
        };
    }

    private byte[] quoted(Opcode op, long offset) throws IOException, PickleBreak {
        byte[] text = PythonLiterals.unquote(in.readLine(maxLine, offset));
        if (text == null) {
            throw malformed(op, offset, "string argument is not a quoted Python literal");
        }
        return text;
    }

    private String rawUnicode(Opcode op, long offset) throws IOException, PickleBreak {
        String text = PythonLiterals.rawUnicodeEscape(in.readLine(maxLine, offset));
        if (text == null) {
            throw malformed(op, offset, "bad raw-unicode-escape sequence");
        }
        return text;
    }

    private BigInteger longBytes(long length, long offset) throws IOException, PickleBreak {
        if (length < 0) {
            throw new PickleBreak(PickleBreak.Kind.MALFORMED, offset, "LONG4 has a negative byte count");
        }
        in.require(length, offset);
        if (length == 0) {
            return BigInteger.ZERO;
        }
        if (length > MAX_LONG_BYTES) {
            in.skip(length, offset);
            return null;
        }
        byte[] little = in.readBytes((int) length, offset);
        byte[] big = new byte[little.length];
        for (int i = 0; i < little.length; i++) {
            big[i] = little[little.length - 1 - i];
        }
        return new BigInteger(big);
    }

    private DataRef data(long length, long offset) throws PickleBreak {
        if (length < 0) {
            // BINSTRING's length is signed; *8 lengths above 2^63 are negative here: both are impossible sizes.
            in.require(length, offset);
        }
        long start = in.position();
        in.skip(length, offset);
        return new DataRef(start, length);
    }

    static PickleBreak malformed(Opcode op, long offset, String why) {
        return new PickleBreak(PickleBreak.Kind.MALFORMED, offset, op + ": " + why);
    }

    private static String ascii(byte[] line) {
        return new String(line, StandardCharsets.ISO_8859_1);
    }

    private static String utf8(byte[] line) {
        return new String(line, StandardCharsets.UTF_8);
    }
}
