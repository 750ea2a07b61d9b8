package io.modelgate.verification.signing;

import io.modelgate.scanner.Limits;
import io.modelgate.scanner.VerificationOptions;
import io.modelgate.scanner.folder.FileDigests;
import io.modelgate.verification.integrity.FileHashing;
import io.modelgate.verification.integrity.ManifestComparison;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Verifies an OpenSSF model_signing signature over a folder, offline: the bundle, the signer (public key,
 * certificate chain, or what can be checked of a keyless certificate), the DSSE signature over the in-toto
 * statement, and every signed digest against the files on disk.
 */
public final class ModelSignatureVerifier {

    public static final String FORMAT = "model_signing";

    private final VerificationOptions options;
    private final FileDigests digests;
    private final Clock clock;
    private final Limits limits;

    public ModelSignatureVerifier(VerificationOptions options, FileDigests digests, Clock clock, Limits limits) {
        this.options = options;
        this.digests = digests;
        this.clock = clock;
        this.limits = limits;
    }

    public SignatureOutcome verify(Path folder, Path signatureFile) throws IOException {
        String signatureName = folder.relativize(signatureFile).toString().replace('\\', '/');
        SignatureOutcome outcome = new SignatureOutcome(FORMAT, signatureName);
        if (Files.size(signatureFile) > BundleReader.MAX_BYTES) {
            outcome.invalid(SignatureRules.INVALID, null, null, "signature file is larger than any Sigstore bundle");
            return outcome;
        }
        SigstoreBundle bundle;
        try {
            bundle = BundleReader.parse(Files.readAllBytes(signatureFile));
        } catch (MalformedSignatureException e) {
            outcome.invalid(SignatureRules.INVALID, null, null, "malformed signature bundle: " + e.getMessage());
            return outcome;
        }
        outcome.checked("bundle " + bundle.mediaType());
        List<PublicKey> keys = signerKeys(bundle, outcome);
        if (!bundle.envelope().payloadType().equals(Dsse.IN_TOTO_PAYLOAD_TYPE)) {
            outcome.invalid(SignatureRules.INVALID, null, bundle.envelope().payloadType(),
                    "DSSE payload type is '" + bundle.envelope().payloadType() + "', not " + Dsse.IN_TOTO_PAYLOAD_TYPE);
            return outcome;
        }
        if (!keys.isEmpty()) {
            verifyEnvelope(bundle.envelope(), keys, outcome);
            if (outcome.isInvalid()) {
                return outcome;
            }
        }
        ModelStatement statement;
        try {
            statement = ModelStatement.parse(bundle.envelope().payload(), limits.maxEntries() * 64);
        } catch (MalformedSignatureException e) {
            outcome.invalid(SignatureRules.INVALID, null, null, "signed statement rejected: " + e.getMessage());
            return outcome;
        }
        outcome.subjectDigest("sha256:" + statement.rootDigest());
        outcome.checked("in-toto statement, " + statement.resources().size() + " resources, root digest consistent");
        compareContent(folder, signatureName, statement, outcome);
        return outcome;
    }

    /** The keys the envelope must verify with; empty when the signer cannot be checked (already recorded). */
    private List<PublicKey> signerKeys(SigstoreBundle bundle, SignatureOutcome outcome) throws IOException {
        SigstoreBundle.Material material = bundle.material();
        if (material instanceof SigstoreBundle.KeyHint hint) {
            return givenKeys(hint, outcome);
        }
        if (material instanceof SigstoreBundle.CertificateChain chain) {
            return certificateKey(chain, outcome);
        }
        SigstoreBundle.KeylessCertificate keyless = (SigstoreBundle.KeylessCertificate) material;
        return new KeylessCheck(options, clock).signerKey(keyless.certificate(), bundle.tlogEntries(),
                bundle.envelope(), outcome);
    }

    private List<PublicKey> givenKeys(SigstoreBundle.KeyHint hint, SignatureOutcome outcome) throws IOException {
        outcome.method("key");
        if (hint.hint() != null) {
            outcome.signer("keyHint", hint.hint());
        }
        if (options.publicKeys().isEmpty()) {
            outcome.unverifiable(SignatureRules.UNVERIFIABLE, "signed with a public key"
                    + (hint.hint() == null ? "" : " (hint " + hint.hint() + ")") + " but no --public-key was given");
            return List.of();
        }
        List<PublicKey> candidates = new ArrayList<>();
        for (Path file : options.publicKeys()) {
            PublicKey key = PemFiles.publicKey(file);
            if (hint.hint() == null || hint.hint().equalsIgnoreCase(EcdsaSignatures.fingerprint(key))) {
                candidates.add(key);
            }
        }
        if (candidates.isEmpty()) {
            outcome.invalid(SignatureRules.INVALID, null, hint.hint(), "signed by the key with hint " + hint.hint()
                    + ", which is none of the " + options.publicKeys().size() + " public key(s) given");
        }
        return candidates;
    }

    private List<PublicKey> certificateKey(SigstoreBundle.CertificateChain chain, SignatureOutcome outcome) {
        outcome.method("certificate");
        X509Certificate leaf = chain.leaf();
        CertificateFacts.describe(leaf, outcome);
        List<X509Certificate> anchors = new ArrayList<>();
        try {
            for (Path file : options.caCertificates()) {
                anchors.addAll(PemFiles.certificates(file));
            }
        } catch (IOException e) {
            outcome.unverifiable(SignatureRules.UNTRUSTED_CERTIFICATE, "cannot read CA certificates: " + e.getMessage());
        }
        if (options.caCertificates().isEmpty()) {
            outcome.unverifiable(SignatureRules.UNVERIFIABLE,
                    "certificate chain not validated: no --ca-cert given (signer identity is unproven)");
        } else if (!anchors.isEmpty()) {
            // As the reference verifier: the chain is validated as of the leaf's notBefore (signing time).
            List<X509Certificate> intermediates = chain.certificates().subList(1, chain.certificates().size());
            Optional<String> failure = CertificateTrust.validate(leaf, intermediates, anchors, leaf.getNotBefore());
            if (failure.isPresent()) {
                outcome.unverifiable(SignatureRules.UNTRUSTED_CERTIFICATE,
                        "certificate chain does not lead to a given CA: " + failure.get());
            } else {
                outcome.checked("certificate chain to a given CA (as of the leaf's notBefore, no revocation check)");
            }
        }
        CertificateTrust.signingUsage(leaf).ifPresentOrElse(
                why -> outcome.unverifiable(SignatureRules.UNTRUSTED_CERTIFICATE, why),
                () -> outcome.checked("leaf certificate allows signing"));
        Date now = Date.from(clock.instant());
        for (X509Certificate cert : chain.certificates()) {
            CertificateTrust.validityProblem(cert, now).ifPresent(
                    why -> outcome.warn(SignatureRules.EXPIRED_CERTIFICATE, why));
        }
        return List.of(leaf.getPublicKey());
    }

    private static void verifyEnvelope(Dsse.Envelope envelope, List<PublicKey> keys, SignatureOutcome outcome) {
        byte[] pae = Dsse.pae(envelope.payloadType(), envelope.payload());
        List<String> refusals = new ArrayList<>();
        for (PublicKey key : keys) {
            try {
                if (EcdsaSignatures.verify(key, pae, envelope.signature())) {
                    outcome.signer("keyFingerprint", "sha256:" + EcdsaSignatures.fingerprint(key));
                    outcome.signer("keyType", "ECDSA " + EcdsaSignatures.curveName(key));
                    outcome.checked("DSSE signature (" + EcdsaSignatures.algorithm(key) + ")");
                    return;
                }
            } catch (GeneralSecurityException e) {
                refusals.add(e.getMessage());
            }
        }
        outcome.invalid(SignatureRules.INVALID, null, null, "the DSSE signature does not verify"
                + (refusals.isEmpty() ? "" : " (" + String.join("; ", refusals) + ")")
                + ": the statement was altered or signed with another key");
    }

    private void compareContent(Path folder, String signatureName, ModelStatement statement,
                                SignatureOutcome outcome) throws IOException {
        if (!ResourceHasher.supports(statement.hashType())) {
            outcome.unverifiable(SignatureRules.UNVERIFIABLE, "files not compared: hash type '" + statement.hashType()
                    + "' is not supported");
            return;
        }
        LocalManifest local = LocalManifest.compute(folder, statement, LocalManifest.ignored(statement, signatureName),
                digests, limits.maxEntries(), FileHashing.defaultThreads());
        java.util.Map<String, io.modelgate.verification.integrity.Fingerprint> expected = new java.util.LinkedHashMap<>();
        for (ModelStatement.Resource r : statement.resources()) {
            expected.put(r.name(), io.modelgate.verification.integrity.Fingerprint.file(r.digest(), -1));
        }
        ManifestComparison comparison = ManifestComparison.compare(expected, local.digests());
        for (String link : local.forbiddenLinks()) {
            outcome.invalid(SignatureRules.CONTENT_MISMATCH, link, null,
                    "symbolic link in a model signed without allow_symlinks");
        }
        for (ManifestComparison.Difference d : comparison.differences()) {
            String file = LocalManifest.fileOf(d.name(), statement.method());
            String what = switch (d.kind()) {
                case CHANGED, KIND_CHANGED -> "content differs from the signed digest " + d.expected().sha256();
                case ADDED -> "file is not covered by the signature (added after signing)";
                case REMOVED -> "signed file is missing";
            };
            outcome.invalid(SignatureRules.CONTENT_MISMATCH, file, d.name(), what);
        }
        if (comparison.identical() && local.forbiddenLinks().isEmpty()) {
            outcome.checked("all " + comparison.matched().size() + " signed " + statement.method()
                    + " resources match the folder (" + statement.hashType() + ")");
        }
    }
}
