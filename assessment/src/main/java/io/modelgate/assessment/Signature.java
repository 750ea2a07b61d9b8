package io.modelgate.assessment;

import java.util.List;
import java.util.Map;

/**
 * Signature verification of a unit: the overall outcome (invalid if any signature is invalid, else valid if
 * any is valid, else unverified; absent when there is none) and each signature checked.
 *
 * @param status        the overall outcome
 * @param method        {@code key}, {@code certificate}, {@code keyless} (Sigstore), {@code detached} (PGP);
 *                      null when absent
 * @param signer        key id or fingerprint, certificate subject or SAN, OIDC identity, PGP user id
 * @param verifiedWith  which supplied key, CA, trust root or keyring matched, null if none
 * @param subjectDigest {@code sha256:<hex>} as signed, null when not established
 * @param notVerified   what could not be checked offline
 * @param signatures    each signature found, in the order checked
 */
public record Signature(SignatureStatus status, String method, String signer, String verifiedWith,
                        String subjectDigest, List<String> notVerified, List<SignatureCheck> signatures) {

    private static final Signature ABSENT = new Signature(SignatureStatus.ABSENT, null, null, null, null, List.of(),
            List.of());

    public Signature {
        notVerified = List.copyOf(notVerified);
        signatures = List.copyOf(signatures);
    }

    public static Signature absent() {
        return ABSENT;
    }

    /**
     * One signature and what verifying it established.
     *
     * @param format      {@code model_signing} (Sigstore bundle) or {@code pgp}
     * @param file        the signature file as shown in reports
     * @param method      as in {@link Signature#method()}
     * @param status      the outcome for this signature
     * @param signer      what identifies the signer, by field name (values are strings or lists of strings)
     * @param checked     each check that passed
     * @param notVerified what could not be checked offline
     */
    public record SignatureCheck(String format, String file, String method, SignatureStatus status,
                                 Map<String, Object> signer, List<String> checked, List<String> notVerified) {

        public SignatureCheck {
            signer = Map.copyOf(signer);
            checked = List.copyOf(checked);
            notVerified = List.copyOf(notVerified);
        }
    }
}
