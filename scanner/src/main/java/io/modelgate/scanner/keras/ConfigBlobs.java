package io.modelgate.scanner.keras;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Serialized data carried as base64 text in a config (how Keras stores lambda bytecode, and how a custom
 * layer would carry a pickled object or a nested model). Decoded only when the whole string is base64.
 */
final class ConfigBlobs {

    /** Shorter strings are names and tokens, not serialized objects. */
    static final int MIN_CHARS = 48;
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");
    /** marshal's TYPE_CODE, with and without the FLAG_REF bit: what Keras' func_dump writes. */
    private static final int MARSHAL_CODE = 'c';

    private ConfigBlobs() {
    }

    /** The bytes of a base64 string (whitespace and line breaks ignored), if it is one. */
    static Optional<byte[]> decode(String text, int maxChars) {
        if (text.length() < MIN_CHARS || text.length() > maxChars) {
            return Optional.empty();
        }
        String compact = text.replaceAll("\\s+", "");
        if (compact.length() < MIN_CHARS || compact.length() % 4 == 1) {
            return Optional.empty();
        }
        try {
            if (BASE64.matcher(compact).matches()) {
                return Optional.of(Base64.getMimeDecoder().decode(compact));
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Whether decoded bytes are a marshalled Python code object. */
    static boolean isMarshalledCode(byte[] bytes) {
        return bytes.length > 16 && (bytes[0] & 0x7f) == MARSHAL_CODE;
    }
}
