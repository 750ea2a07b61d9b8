package io.modelgate.verification.signing;

import com.fasterxml.jackson.databind.JsonNode;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A Sigstore bundle as model_signing writes it ({@code model.sig}): verification material, transparency
 * log entries (keyless only) and the DSSE envelope over the in-toto statement.
 */
public record SigstoreBundle(String mediaType, Material material, List<JsonNode> tlogEntries, Dsse.Envelope envelope) {

    public static final String MEDIA_TYPE_V03 = "application/vnd.dev.sigstore.bundle.v0.3+json";
    public static final String MEDIA_TYPE_V03_ALTERNATIVE = "application/vnd.dev.sigstore.bundle+json;version=0.3";
    public static final List<String> MEDIA_TYPES = List.of(MEDIA_TYPE_V03, MEDIA_TYPE_V03_ALTERNATIVE,
            "application/vnd.dev.sigstore.bundle+json;version=0.2",
            "application/vnd.dev.sigstore.bundle+json;version=0.1");

    public SigstoreBundle {
        tlogEntries = List.copyOf(tlogEntries);
    }

    /** What identifies the signer. */
    public sealed interface Material permits KeyHint, CertificateChain, KeylessCertificate {
    }

    /** Key-based signing: only a hint (SHA-256 of the key's canonical PEM) is recorded; may be null. */
    public record KeyHint(String hint) implements Material {
    }

    /** Certificate signing: the leaf first, then the intermediates the signer supplied. */
    public record CertificateChain(List<X509Certificate> certificates) implements Material {
        public CertificateChain {
            certificates = List.copyOf(certificates);
        }

        public X509Certificate leaf() {
            return certificates.get(0);
        }
    }

    /** Keyless (Fulcio) signing: a short-lived leaf certificate, backed by transparency-log entries. */
    public record KeylessCertificate(X509Certificate certificate) implements Material {
    }
}
