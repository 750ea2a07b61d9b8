package io.modelgate.scanner.numpy;

import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.io.LimitExceededException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates the {@code .npy} preamble and header: magic, version, header length (checked
 * against the file size and a hard cap before anything is read) and the literal header dict with
 * exactly the keys NumPy accepts.
 */
final class NpyHeaderReader {

    static final int MAGIC_LENGTH = 6;
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");
    /** Far above anything NumPy writes for real dtypes; bounds memory for the header text. */
    static final int MAX_HEADER_BYTES = 1 << 20;

    private NpyHeaderReader() {
    }

    static NpyHeader read(ByteSource source) throws IOException, MalformedNpyException {
        if (source.size() < MAGIC_LENGTH + 4) {
            throw new MalformedNpyException("file too short for a .npy preamble");
        }
        byte[] preamble = source.readFully(0, MAGIC_LENGTH + 2);
        for (int i = 0; i < MAGIC_LENGTH; i++) {
            if (preamble[i] != MAGIC[i]) {
                throw new MalformedNpyException("bad magic");
            }
        }
        int major = preamble[6] & 0xff;
        int minor = preamble[7] & 0xff;
        if (major < 1 || major > 3 || minor != 0) {
            throw new MalformedNpyException("unsupported format version " + major + "." + minor);
        }
        int lengthBytes = major == 1 ? 2 : 4;
        long headerStart = MAGIC_LENGTH + 2 + lengthBytes;
        if (source.size() < headerStart) {
            throw new MalformedNpyException("file too short for the header length field");
        }
        byte[] field = source.readFully(MAGIC_LENGTH + 2, lengthBytes);
        long headerLength = 0;
        for (int i = lengthBytes - 1; i >= 0; i--) {
            headerLength = (headerLength << 8) | (field[i] & 0xff);
        }
        if (headerLength > source.size() - headerStart) {
            throw new MalformedNpyException("header length " + headerLength + " runs past the end of the file");
        }
        if (headerLength > MAX_HEADER_BYTES) {
            throw new LimitExceededException("a .npy header of " + headerLength + " bytes is larger than "
                    + MAX_HEADER_BYTES);
        }
        String text = decode(source.readFully(headerStart, (int) headerLength), major == 3);
        return parse(text, major + ".0", headerLength, headerStart + headerLength);
    }

    private static NpyHeader parse(String text, String version, long headerLength, long dataOffset)
            throws MalformedNpyException {
        try {
            if (!(PyLiteralParser.parse(text) instanceof PyLiteral.Dict dict)) {
                throw new MalformedNpyException("header is not a dict");
            }
            Map<String, PyLiteral> entries = dict.entries();
            if (!entries.keySet().equals(KEYS)) {
                throw new MalformedNpyException("header keys " + new java.util.TreeSet<>(entries.keySet())
                        + " are not exactly " + new java.util.TreeSet<>(KEYS));
            }
            if (!(entries.get("fortran_order") instanceof PyLiteral.Bool fortran)) {
                throw new MalformedNpyException("fortran_order is not a bool");
            }
            PyLiteral descr = entries.get("descr");
            return new NpyHeader(version, headerLength, dataOffset, describe(descr), NumpyDtype.parse(descr),
                    fortran.value(), NumpyShape.parse(entries.get("shape")));
        } catch (PyLiteralParser.LiteralSyntaxException | NumpyDtype.InvalidDtypeException e) {
            throw new MalformedNpyException("header: " + e.getMessage());
        }
    }

    /** Latin-1 for versions 1 and 2, strict UTF-8 for version 3. */
    private static String decode(byte[] bytes, boolean utf8) throws MalformedNpyException {
        if (!utf8) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedNpyException("version 3.0 header is not valid UTF-8");
        }
    }

    private static String describe(PyLiteral descr) {
        if (descr instanceof PyLiteral.Str s) {
            return s.value();
        }
        if (descr instanceof PyLiteral.Seq seq) {
            return "structured (" + seq.items().size() + " fields)";
        }
        return String.valueOf(descr);
    }

    /** The bytes are not a loadable .npy file. */
    static final class MalformedNpyException extends Exception {
        MalformedNpyException(String message) {
            super(message);
        }
    }
}
