package io.modelgate.verification.signing;

import io.modelgate.scanner.analysis.Failures;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Offline X.509 path validation of a signing certificate to user-given anchors (no revocation checks). */
public final class CertificateTrust {

    private static final String CODE_SIGNING = "1.3.6.1.5.5.7.3.3";

    private CertificateTrust() {
    }

    /**
     * Builds and validates a path from {@code leaf} through {@code intermediates} to one of {@code anchors}
     * as of {@code at}. Returns the reason it fails, empty when it holds.
     */
    public static Optional<String> validate(X509Certificate leaf, List<X509Certificate> intermediates,
                                            List<X509Certificate> anchors, Date at) {
        if (anchors.isEmpty()) {
            return Optional.of("no trusted CA certificate given");
        }
        try {
            Set<TrustAnchor> trust = new HashSet<>();
            for (X509Certificate anchor : anchors) {
                trust.add(new TrustAnchor(anchor, null));
            }
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(leaf);
            PKIXBuilderParameters params = new PKIXBuilderParameters(trust, target);
            params.setRevocationEnabled(false);
            params.setDate(at);
            List<X509Certificate> pool = new java.util.ArrayList<>(intermediates);
            pool.add(leaf);
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool),
                    BouncyCastle.PROVIDER));
            CertPathBuilder.getInstance("PKIX", BouncyCastle.PROVIDER).build(params);
            return Optional.empty();
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.of(rootCause(e));
        }
    }

    /** The reference requires the leaf to allow signing: digitalSignature, or else the code-signing purpose. */
    public static Optional<String> signingUsage(X509Certificate leaf) {
        boolean[] usage = leaf.getKeyUsage();
        if (usage != null && usage.length > 0 && usage[0]) {
            return Optional.empty();
        }
        try {
            List<String> purposes = leaf.getExtendedKeyUsage();
            if (purposes != null && purposes.contains(CODE_SIGNING)) {
                return Optional.empty();
            }
        } catch (java.security.cert.CertificateParsingException e) {
            return Optional.of("unreadable extended key usage: " + e.getMessage());
        }
        return Optional.of("the certificate allows neither digital signatures nor code signing");
    }

    /** Why {@code cert} is not valid at {@code now}, or empty. */
    public static Optional<String> validityProblem(X509Certificate cert, Date now) {
        if (now.after(cert.getNotAfter())) {
            return Optional.of("certificate '" + cert.getSubjectX500Principal().getName() + "' expired on "
                    + cert.getNotAfter().toInstant());
        }
        if (now.before(cert.getNotBefore())) {
            return Optional.of("certificate '" + cert.getSubjectX500Principal().getName() + "' is not valid before "
                    + cert.getNotBefore().toInstant());
        }
        return Optional.empty();
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return Failures.describe(t);
    }
}
