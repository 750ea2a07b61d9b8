package io.modelgate.verification.signing;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Records who a signing certificate names: subject, issuer, serial, validity, SANs, OIDC issuer. */
final class CertificateFacts {

    /** Fulcio's OIDC issuer extensions: v1 holds the raw string, v2 a DER UTF8String. */
    private static final String FULCIO_ISSUER_V1 = "1.3.6.1.4.1.57264.1.1";
    private static final String FULCIO_ISSUER_V2 = "1.3.6.1.4.1.57264.1.8";

    private CertificateFacts() {
    }

    static void describe(X509Certificate cert, SignatureOutcome outcome) {
        outcome.signer("subject", cert.getSubjectX500Principal().getName());
        outcome.signer("issuer", cert.getIssuerX500Principal().getName());
        outcome.signer("serial", cert.getSerialNumber().toString(16));
        outcome.signer("notBefore", cert.getNotBefore().toInstant().toString());
        outcome.signer("notAfter", cert.getNotAfter().toInstant().toString());
        List<String> names = subjectAlternativeNames(cert);
        if (!names.isEmpty()) {
            outcome.signer("subjectAlternativeNames", names);
        }
        String oidcIssuer = oidcIssuer(cert);
        if (oidcIssuer != null) {
            outcome.signer("oidcIssuer", oidcIssuer);
        }
    }

    static List<String> subjectAlternativeNames(X509Certificate cert) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    if (san.size() == 2 && san.get(1) instanceof String value) {
                        names.add(value);
                    }
                }
            }
        } catch (CertificateParsingException e) {
            names.add("(unreadable: " + e.getMessage() + ")");
        }
        return names;
    }

    static String oidcIssuer(X509Certificate cert) {
        try {
            byte[] v2 = cert.getExtensionValue(FULCIO_ISSUER_V2);
            if (v2 != null) {
                ASN1Primitive inner = ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(v2).getOctets());
                return inner instanceof ASN1String s ? s.getString() : null;
            }
            byte[] v1 = cert.getExtensionValue(FULCIO_ISSUER_V1);
            if (v1 != null) {
                return new String(ASN1OctetString.getInstance(v1).getOctets(), StandardCharsets.UTF_8);
            }
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
        return null;
    }
}
