package io.modelgate.verification.signing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Parses a Sigstore bundle strictly: every field the verifier relies on must be present and well typed. */
public final class BundleReader {

    /** Real bundles are a few KB; a signature file beyond this is not one. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    static final ObjectMapper JSON = new ObjectMapper();

    private BundleReader() {
    }

    public static SigstoreBundle parse(byte[] bytes) throws MalformedSignatureException {
        if (bytes.length > MAX_BYTES) {
            throw new MalformedSignatureException("signature file of " + bytes.length + " bytes is too large");
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new MalformedSignatureException("not valid JSON (truncated?): " + why);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedSignatureException("not a JSON object");
        }
        String mediaType = text(root, "mediaType");
        if (!SigstoreBundle.MEDIA_TYPES.contains(mediaType)) {
            throw new MalformedSignatureException("unsupported bundle mediaType '" + mediaType + "'");
        }
        JsonNode material = object(root, "verificationMaterial");
        List<JsonNode> tlog = new ArrayList<>();
        JsonNode entries = material.path("tlogEntries");
        if (entries.isArray()) {
            entries.forEach(tlog::add);
        } else if (!entries.isMissingNode() && !entries.isNull()) {
            throw new MalformedSignatureException("tlogEntries is not an array");
        }
        SigstoreBundle.Material signer = material(material, mediaType);
        if (signer instanceof SigstoreBundle.KeylessCertificate && tlog.size() != 1) {
            throw new MalformedSignatureException("a keyless bundle must hold exactly one transparency-log entry, not "
                    + tlog.size());
        }
        return new SigstoreBundle(mediaType, signer, tlog, envelope(root));
    }

    /**
     * The signer material, as the reference reads it for the media type: key and certificate bundles are
     * read only as {@code ...bundle.v0.3+json}; keyless bundles carry the leaf in {@code certificate} from
     * v0.3 on and in {@code x509CertificateChain} (leaf first) before.
     */
    private static SigstoreBundle.Material material(JsonNode material, String mediaType)
            throws MalformedSignatureException {
        boolean v03 = mediaType.equals(SigstoreBundle.MEDIA_TYPE_V03);
        boolean v03Alternative = mediaType.equals(SigstoreBundle.MEDIA_TYPE_V03_ALTERNATIVE);
        if (!v03 && !v03Alternative) {
            if (material.has("x509CertificateChain")) {
                List<java.security.cert.X509Certificate> chain = chain(material);
                return new SigstoreBundle.KeylessCertificate(chain.get(0));
            }
            throw new MalformedSignatureException("a bundle of media type '" + mediaType + "' must carry its "
                    + "signing certificate in x509CertificateChain");
        }
        if (material.has("certificate")) {
            return new SigstoreBundle.KeylessCertificate(certificate(material.get("certificate")));
        }
        if (v03Alternative) {
            throw new MalformedSignatureException("a bundle of media type '" + mediaType + "' must carry its "
                    + "signing certificate in 'certificate'");
        }
        return traditional(material);
    }

    private static List<java.security.cert.X509Certificate> chain(JsonNode material)
            throws MalformedSignatureException {
        JsonNode certs = material.get("x509CertificateChain").path("certificates");
        if (!certs.isArray() || certs.isEmpty()) {
            throw new MalformedSignatureException("x509CertificateChain has no certificates");
        }
        List<java.security.cert.X509Certificate> chain = new ArrayList<>();
        for (JsonNode cert : certs) {
            chain.add(certificate(cert));
        }
        return chain;
    }

    private static SigstoreBundle.Material traditional(JsonNode material) throws MalformedSignatureException {
        if (material.has("publicKey")) {
            JsonNode hint = material.get("publicKey").path("hint");
            return new SigstoreBundle.KeyHint(hint.isTextual() && !hint.asText().isEmpty() ? hint.asText() : null);
        }
        if (material.has("x509CertificateChain")) {
            return new SigstoreBundle.CertificateChain(chain(material));
        }
        throw new MalformedSignatureException("verificationMaterial has no publicKey, x509CertificateChain or certificate");
    }

    private static java.security.cert.X509Certificate certificate(JsonNode node) throws MalformedSignatureException {
        java.security.cert.X509Certificate certificate;
        try {
            certificate = PemFiles.certificate(base64(node, "rawBytes"));
        } catch (IOException e) {
            throw new MalformedSignatureException(e.getMessage());
        }
        try {
            // The provider decodes the key lazily and throws unchecked on a corrupted one.
            certificate.getPublicKey();
        } catch (RuntimeException e) {
            throw new MalformedSignatureException("a certificate's public key is malformed");
        }
        return certificate;
    }

    private static Dsse.Envelope envelope(JsonNode root) throws MalformedSignatureException {
        JsonNode envelope = object(root, "dsseEnvelope");
        String payloadType = text(envelope, "payloadType");
        byte[] payload = base64(envelope, "payload");
        JsonNode signatures = envelope.path("signatures");
        if (!signatures.isArray() || signatures.isEmpty()) {
            throw new MalformedSignatureException("DSSE envelope has no signatures");
        }
        return new Dsse.Envelope(payloadType, payload, base64(signatures.get(0), "sig"));
    }

    static JsonNode object(JsonNode parent, String field) throws MalformedSignatureException {
        JsonNode node = parent.path(field);
        if (!node.isObject()) {
            throw new MalformedSignatureException("'" + field + "' is missing or not an object");
        }
        return node;
    }

    static String text(JsonNode parent, String field) throws MalformedSignatureException {
        JsonNode node = parent.path(field);
        if (!node.isTextual()) {
            throw new MalformedSignatureException("'" + field + "' is missing or not a string");
        }
        return node.asText();
    }

    static byte[] base64(JsonNode parent, String field) throws MalformedSignatureException {
        String text = text(parent, field);
        try {
            return Base64.getDecoder().decode(text.strip().replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            throw new MalformedSignatureException("'" + field + "' is not base64");
        }
    }
}
