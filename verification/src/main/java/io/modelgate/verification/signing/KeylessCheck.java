package io.modelgate.verification.signing;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelgate.scanner.VerificationOptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What can be verified of a keyless (Fulcio certificate + Rekor entry) signature without network: the
 * certificate chain to a Fulcio CA of the user's trust root at the log's integration time, and the log's
 * signed entry timestamp over an entry that records this envelope. The rest (inclusion proof against a
 * checkpoint, certificate transparency, an identity policy) is reported as not verified.
 */
final class KeylessCheck {

    private final VerificationOptions options;
    private final Clock clock;

    KeylessCheck(VerificationOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
    }

    List<PublicKey> signerKey(X509Certificate leaf, List<JsonNode> tlogEntries, Dsse.Envelope envelope,
                              SignatureOutcome outcome) throws IOException {
        outcome.method("keyless");
        CertificateFacts.describe(leaf, outcome);
        outcome.notVerified("transparency-log inclusion proof and checkpoint (needs the log's current state)");
        outcome.notVerified("certificate transparency (SCT) of the signing certificate");
        outcome.notVerified("revocation, and whether the given trust root is still current (no online update)");
        outcome.notVerified("signer identity policy: compare subjectAlternativeNames and oidcIssuer with who you expect");
        if (options.sigstoreTrustRoot().isEmpty()) {
            outcome.unverified(SignatureRules.UNVERIFIABLE, "keyless Sigstore signature: certificate chain and "
                    + "transparency-log entry not verified because no --trust-root was given");
            return List.of(leaf.getPublicKey());
        }
        SigstoreTrustRoot trustRoot = SigstoreTrustRoot.read(options.sigstoreTrustRoot().get());
        Date signedAt = leaf.getNotBefore();
        Optional<Long> integrated = verifiedIntegrationTime(tlogEntries, trustRoot, envelope, leaf, outcome);
        if (integrated.isPresent()) {
            signedAt = new Date(integrated.get() * 1000);
            if (signedAt.before(leaf.getNotBefore()) || signedAt.after(leaf.getNotAfter())) {
                outcome.invalid(SignatureRules.INVALID, null, null, "the log integrated the entry at " + signedAt.toInstant()
                        + ", outside the signing certificate's validity");
            }
        }
        chainToFulcio(leaf, trustRoot, signedAt, outcome);
        return List.of(leaf.getPublicKey());
    }

    private void chainToFulcio(X509Certificate leaf, SigstoreTrustRoot trustRoot, Date at, SignatureOutcome outcome) {
        String lastFailure = "trust root lists no certificate authority";
        for (List<X509Certificate> chain : trustRoot.certificateAuthorities()) {
            X509Certificate anchor = chain.get(chain.size() - 1);
            Optional<String> failure = CertificateTrust.validate(leaf, chain.subList(0, chain.size() - 1), List.of(anchor), at);
            if (failure.isEmpty()) {
                outcome.checked("certificate chain to a Fulcio CA of the trust root, as of " + at.toInstant());
                outcome.verifiedWith("--trust-root", options.sigstoreTrustRoot().map(Path::toString).orElse(""));
                return;
            }
            lastFailure = failure.get();
        }
        outcome.untrusted(SignatureRules.UNTRUSTED_CERTIFICATE,
                "signing certificate does not chain to a CA of the trust root: " + lastFailure);
        Date now = Date.from(clock.instant());
        CertificateTrust.validityProblem(leaf, now).ifPresent(why -> outcome.checked("leaf is short-lived: " + why));
    }

    /**
     * The integration time of the first entry whose signed entry timestamp verifies with a trusted log key,
     * provided the entry records this envelope.
     */
    private static Optional<Long> verifiedIntegrationTime(List<JsonNode> entries, SigstoreTrustRoot trustRoot,
                                                          Dsse.Envelope envelope, X509Certificate leaf,
                                                          SignatureOutcome outcome) {
        if (entries.isEmpty()) {
            outcome.unverified(SignatureRules.UNVERIFIABLE, "keyless signature without a transparency-log entry");
            return Optional.empty();
        }
        for (JsonNode entry : entries) {
            try {
                String logId = HexFormat.of().formatHex(BundleReader.base64(entry.path("logId"), "keyId"));
                PublicKey logKey = trustRoot.logKeys().get(logId);
                if (logKey == null) {
                    continue;
                }
                long integratedTime = Long.parseLong(entry.path("integratedTime").asText());
                long logIndex = Long.parseLong(entry.path("logIndex").asText());
                String body = BundleReader.text(entry, "canonicalizedBody");
                byte[] set = BundleReader.base64(entry.path("inclusionPromise"), "signedEntryTimestamp");
                // Canonical JSON (sorted keys, no spaces) of what the log signed.
                String signed = "{\"body\":\"" + body + "\",\"integratedTime\":" + integratedTime + ",\"logID\":\""
                        + logId + "\",\"logIndex\":" + logIndex + "}";
                Signature verifier = Signature.getInstance(EcdsaSignatures.algorithm(logKey), BouncyCastle.PROVIDER);
                verifier.initVerify(logKey);
                verifier.update(signed.getBytes(StandardCharsets.UTF_8));
                if (verifier.verify(set)) {
                    outcome.checked("transparency-log signed entry timestamp (log " + logId.substring(0, 16)
                            + "…, index " + logIndex + ", integrated " + integratedTime + ")");
                    return describesEnvelope(BundleReader.base64(entry, "canonicalizedBody"), envelope, leaf, outcome)
                            ? Optional.of(integratedTime) : Optional.empty();
                }
                outcome.invalid(SignatureRules.INVALID, null, null, "transparency-log signed entry timestamp does not verify");
                return Optional.empty();
            } catch (MalformedSignatureException | GeneralSecurityException | NumberFormatException e) {
                outcome.unverified(SignatureRules.UNVERIFIABLE, "transparency-log entry unreadable: " + e.getMessage());
                return Optional.empty();
            }
        }
        outcome.untrusted(SignatureRules.UNTRUSTED_CERTIFICATE,
                "no transparency-log entry from a log of the given trust root");
        return Optional.empty();
    }

    /** False (and the signature invalid) when the logged entry is another envelope's. */
    private static boolean describesEnvelope(byte[] body, Dsse.Envelope envelope, X509Certificate leaf,
                                             SignatureOutcome outcome) throws MalformedSignatureException {
        switch (LogEntryBody.compare(body, envelope, leaf)) {
            case SAME_ENVELOPE -> outcome.checked("the log entry records this envelope's payload hash, signature and certificate");
            case UNSUPPORTED_KIND -> outcome.notVerified("that the log entry's body describes this envelope (entry kind not compared)");
            case OTHER_ENVELOPE -> {
                outcome.invalid(SignatureRules.INVALID, null, null, "the transparency-log entry records another "
                        + "envelope, signature or certificate: its timestamp does not vouch for this signature");
                return false;
            }
        }
        return true;
    }
}
