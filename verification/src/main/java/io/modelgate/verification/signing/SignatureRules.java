package io.modelgate.verification.signing;

import io.modelgate.scanner.model.Rule;
import io.modelgate.scanner.model.Severity;

import java.util.List;

/** Rules about model signatures (OpenSSF model_signing bundles, PGP detached signatures). */
public final class SignatureRules {

    public static final Rule INVALID = new Rule("MG-SIG-001", Severity.CRITICAL, "signature",
            "Invalid signature",
            "The signature does not verify: the signed statement or the signature bytes were altered, the signature "
                    + "was made with another key, or the signature file is malformed or truncated. Treat the model as "
                    + "tampered with.");
    public static final Rule CONTENT_MISMATCH = new Rule("MG-SIG-002", Severity.CRITICAL, "signature",
            "File differs from the signed manifest",
            "The signature is over a list of files and digests. This file was changed, added or removed after "
                    + "signing, so the model on disk is not the one that was signed.");
    public static final Rule UNTRUSTED_CERTIFICATE = new Rule("MG-SIG-003", Severity.HIGH, "signature",
            "Signer not trusted",
            "The signature is not shown to come from a signer you supplied: its certificate does not chain to a "
                    + "CA or trust root you gave or may not sign code, it was made another way than the key, CA, "
                    + "trust root or key ring you gave can check, or the folder holds no signature from them at all. "
                    + "The signature may be intact, but its signer is not one you trust.");
    public static final Rule EXPIRED_CERTIFICATE = new Rule("MG-SIG-004", Severity.HIGH, "signature",
            "Signing certificate expired or not yet valid",
            "A certificate of the signing chain is outside its validity period now. The format records no trusted "
                    + "signing time, so the signature cannot be shown to predate the expiry.");
    public static final Rule UNVERIFIABLE = new Rule("MG-SIG-005", Severity.MEDIUM, "signature",
            "Signature could not be verified",
            "A signature is present but could not be verified completely offline: no matching public key, CA or "
                    + "trust root was given, or the signature uses a variant this scanner does not check. The report "
                    + "says what was and was not verified.");

    public static final List<Rule> ALL = List.of(INVALID, CONTENT_MISMATCH, UNTRUSTED_CERTIFICATE, EXPIRED_CERTIFICATE,
            UNVERIFIABLE);

    private SignatureRules() {
    }
}
