package io.modelgate.verification.signing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** DSSE v1: the envelope fields and the pre-authentication encoding that is actually signed. */
public final class Dsse {

    public static final String IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";

    /**
     * @param payloadType the declared type of the payload
     * @param payload     the decoded payload bytes
     * @param signature   the first signature's bytes (the one verifiers use)
     */
    public record Envelope(String payloadType, byte[] payload, byte[] signature) {
    }

    private Dsse() {
    }

    /** {@code "DSSEv1" SP len(type) SP type SP len(payload) SP payload}, lengths in ASCII decimal bytes. */
    public static byte[] pae(String payloadType, byte[] payload) {
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(type.length + payload.length + 32);
        out.writeBytes(("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(type);
        out.writeBytes((" " + payload.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /**
     * The encoding model_signing 0.2 signed by mistake, which its later verifiers still accept:
     * {@code "DSSEV1" SP len(type) SP type SP len(payload) SP repr(payload)}, where repr is Python's
     * text form of a bytes object ({@code b'...'}).
     */
    public static byte[] legacyPae(String payloadType, byte[] payload) {
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        String head = "DSSEV1 " + type.length + " " + payloadType + " " + payload.length + " ";
        return (head + pythonBytesRepr(payload)).getBytes(StandardCharsets.UTF_8);
    }

    /** Python's repr of bytes: single quotes unless the bytes hold a ' and no ", escapes for the rest. */
    static String pythonBytesRepr(byte[] bytes) {
        boolean hasSingle = false;
        boolean hasDouble = false;
        for (byte b : bytes) {
            hasSingle |= b == '\'';
            hasDouble |= b == '"';
        }
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        StringBuilder out = new StringBuilder(bytes.length + 3).append('b').append(quote);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c == quote || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c < 0x20 || c >= 0x7F) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.append((char) c);
            }
        }
        return out.append(quote).toString();
    }
}
