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
}
