package io.modelgate.verification.signing;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelgate.scanner.digest.Sha256;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Whether a transparency-log entry's canonicalized body records this very signature: a valid signed entry
 * timestamp over another envelope's entry would otherwise lend its integration time to a signature made
 * later with the same (expired, possibly leaked) certificate key.
 */
final class LogEntryBody {

    /** How a body relates to the envelope. */
    enum Match { SAME_ENVELOPE, OTHER_ENVELOPE, UNSUPPORTED_KIND }

    private LogEntryBody() {
    }

    /**
     * Compares a {@code dsse} entry (payload hash, signature and verifier certificate) with the envelope and
     * the signing certificate. Other kinds are not compared.
     */
    static Match compare(byte[] canonicalizedBody, Dsse.Envelope envelope, X509Certificate leaf)
            throws MalformedSignatureException {
        JsonNode body;
        try {
            body = BundleReader.JSON.readTree(canonicalizedBody);
        } catch (IOException e) {
            throw new MalformedSignatureException("log entry body is not JSON");
        }
        if (body == null || !body.isObject()) {
            throw new MalformedSignatureException("log entry body is not a JSON object");
        }
        if (!"dsse".equals(body.path("kind").asText())) {
            return Match.UNSUPPORTED_KIND;
        }
        JsonNode spec = BundleReader.object(body, "spec");
        JsonNode payloadHash = BundleReader.object(spec, "payloadHash");
        if (!"sha256".equals(payloadHash.path("algorithm").asText())
                || !Sha256.ofBytes(envelope.payload()).equalsIgnoreCase(payloadHash.path("value").asText())) {
            return Match.OTHER_ENVELOPE;
        }
        String signature = Base64.getEncoder().encodeToString(envelope.signature());
        for (JsonNode recorded : spec.path("signatures")) {
            if (signature.equals(recorded.path("signature").asText()) && sameCertificate(recorded, leaf)) {
                return Match.SAME_ENVELOPE;
            }
        }
        return Match.OTHER_ENVELOPE;
    }

    private static boolean sameCertificate(JsonNode recorded, X509Certificate leaf) throws MalformedSignatureException {
        Optional<X509Certificate> verifier;
        try {
            verifier = Optional.of(PemFiles.certificate(BundleReader.base64(recorded, "verifier")));
        } catch (IOException e) {
            verifier = Optional.empty();
        }
        try {
            return verifier.isPresent() && Arrays.equals(verifier.get().getEncoded(), leaf.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            return false;
        }
    }
}
