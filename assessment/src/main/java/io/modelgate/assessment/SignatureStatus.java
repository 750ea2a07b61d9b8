package io.modelgate.assessment;

import java.util.Locale;

/** The outcome of verifying a unit's signatures. */
public enum SignatureStatus {
    /** No signature covers the unit. */
    ABSENT,
    /** A signature verified against the supplied key, certificate, trust root or keyring. */
    VALID,
    /** A signature, or the content it covers, is wrong (tampering, wrong key). */
    INVALID,
    /** The signature is intact but its signer is not among those the user trusts. */
    UNTRUSTED,
    /** The signature could not be verified offline or without a supplied key (fail closed: never valid). */
    UNVERIFIED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
