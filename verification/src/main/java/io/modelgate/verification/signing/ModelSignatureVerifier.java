package io.modelgate.verification.signing;

import io.modelgate.scanner.Limits;
import io.modelgate.scanner.VerificationOptions;
import io.modelgate.scanner.folder.FileDigests;
import io.modelgate.verification.integrity.FileHashing;
import io.modelgate.verification.integrity.Fingerprint;
import io.modelgate.verification.integrity.IgnoredPaths;
import io.modelgate.verification.integrity.ManifestComparison;
import io.modelgate.verification.integrity.ModelTree;
import io.modelgate.verification.integrity.TreeEntry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        return verify(folder, signatureFile, null);
    }

    /**
     * Verifies the signature in {@code folder}, comparing the whole folder or, when {@code onlyFile} is a
     * name, only that file (a file scanned on its own): its digest must be the one signed for it.
     */
    public SignatureOutcome verify(Path folder, Path signatureFile, String onlyFile) throws IOException {
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
        List<SignerKey> keys = signerKeys(bundle, outcome);
        if (!bundle.envelope().payloadType().equals(Dsse.IN_TOTO_PAYLOAD_TYPE)) {
            outcome.invalid(SignatureRules.INVALID, null, bundle.envelope().payloadType(),
                    "DSSE payload type is '" + bundle.envelope().payloadType() + "', not " + Dsse.IN_TOTO_PAYLOAD_TYPE);
            return outcome;
        }
        if (!keys.isEmpty()) {
            verifyEnvelope(bundle.envelope(), keys, legacyAlgorithm(bundle.material(), keys.get(0).key()), outcome);
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
        if (statement.rootDigest() != null) {
            outcome.subjectDigest("sha256:" + statement.rootDigest());
        }
        outcome.checked(statement.predicateType().equals(ModelStatement.PREDICATE_V01)
                ? "in-toto statement of model_signing 0.2, " + statement.resources().size() + " files"
                : "in-toto statement, " + statement.resources().size() + " resources, root digest consistent");
        if (onlyFile == null) {
            compareContent(folder, signatureName, statement, outcome);
        } else {
            compareOneFile(folder, onlyFile, statement, outcome);
        }
        return outcome;
    }

    /** A file scanned on its own: the signature must cover it with its current digest. */
    private void compareOneFile(Path folder, String name, ModelStatement statement, SignatureOutcome outcome)
            throws IOException {
        if (!ResourceHasher.supports(statement.hashType())) {
            outcome.unverified(SignatureRules.UNVERIFIABLE, "file not compared: hash type '" + statement.hashType()
                    + "' is not supported");
            return;
        }
        Path file = folder.resolve(name);
        TreeEntry entry = new TreeEntry(name, file, Files.isSymbolicLink(file)
                ? Files.readSymbolicLink(file).toString().replace('\\', '/') : null);
        LocalManifest local = LocalManifest.computeFile(entry, statement, folder.toRealPath(), digests,
                FileHashing.defaultThreads());
        Map<String, Fingerprint> expected = new LinkedHashMap<>();
        Map<String, Fingerprint> actual = new LinkedHashMap<>();
        String prefix = statement.coversSingleFile() ? "." : name;
        for (ModelStatement.Resource r : statement.resources()) {
            if (LocalManifest.fileOf(r.name(), statement.method()).equals(prefix)) {
                expected.put(r.name(), Fingerprint.file(r.digest(), -1));
                if (!r.algorithm().equals(statement.expectedAlgorithm())) {
                    outcome.invalid(SignatureRules.CONTENT_MISMATCH, name, r.name(), "signed with algorithm '"
                            + r.algorithm() + "' while the statement's serialisation is '"
                            + statement.expectedAlgorithm() + "' (the reference rejects it)");
                }
            }
        }
        local.digests().forEach((resource, digest) ->
                actual.put(prefix.equals(".") ? resource : name + resource.substring(1), digest));
        local.links().forEach((link, why) -> outcome.invalid(SignatureRules.CONTENT_MISMATCH, name, null, why));
        local.notes().forEach(outcome::checked);
        if (expected.isEmpty()) {
            outcome.invalid(SignatureRules.CONTENT_MISMATCH, name, null,
                    "file is not covered by the signature next to it (" + ModelSignatureAnalyzer.SIGNATURE_NAME + ")");
            return;
        }
        ManifestComparison comparison = ManifestComparison.compare(expected, actual);
        for (ManifestComparison.Difference d : comparison.differences()) {
            outcome.invalid(SignatureRules.CONTENT_MISMATCH, name, d.name(), switch (d.kind()) {
                case CHANGED, KIND_CHANGED -> "content differs from the signed digest " + d.expected().sha256();
                case ADDED -> "part of the file is not covered by the signature";
                case REMOVED -> "signed part of the file is missing";
            });
        }
        if (!statement.coversSingleFile()) {
            outcome.notVerified("the other files of the signed folder: only " + name + " was scanned");
        }
        if (comparison.identical() && local.links().isEmpty()) {
            outcome.checked("the file " + name + " matches its signed digest (" + statement.hashType() + ")");
        }
    }

    /** A key the envelope may verify with, and the supplied material it comes from (null: the bundle's). */
    private record SignerKey(PublicKey key, String option, Path file) {
    }

    /**
     * The keys the envelope must verify with (empty when there is none to try) after establishing, as far
     * as the supplied material allows, who the signer is: a signature of another method or signer than the
     * material given is untrusted, one checked against nothing is unverified.
     */
    private List<SignerKey> signerKeys(SigstoreBundle bundle, SignatureOutcome outcome) throws IOException {
        SigstoreBundle.Material material = bundle.material();
        if (material instanceof SigstoreBundle.KeyHint hint) {
            return givenKeys(hint, outcome);
        }
        X509Certificate leaf = material instanceof SigstoreBundle.CertificateChain chain ? chain.leaf()
                : ((SigstoreBundle.KeylessCertificate) material).certificate();
        Optional<SignerKey> given = givenKeyOf(leaf);
        if (given.isPresent()) {
            outcome.method(material instanceof SigstoreBundle.CertificateChain ? "certificate" : "keyless");
            CertificateFacts.describe(leaf, outcome);
            outcome.checked("the signing certificate's key is a given --public-key (certificate chain not needed)");
            return List.of(given.get());
        }
        if (material instanceof SigstoreBundle.CertificateChain chain) {
            return List.of(new SignerKey(certificateKey(chain, outcome), null, null));
        }
        if (options.sigstoreTrustRoot().isEmpty() && suppliesModelSigningMaterial()) {
            outcome.method("keyless");
            CertificateFacts.describe(leaf, outcome);
            otherSigner(outcome, "a keyless Sigstore certificate");
            return List.of(new SignerKey(leaf.getPublicKey(), null, null));
        }
        PublicKey key = new KeylessCheck(options, clock).signerKey(leaf, bundle.tlogEntries(), bundle.envelope(),
                outcome).get(0);
        return List.of(new SignerKey(key, null, null));
    }

    private boolean suppliesModelSigningMaterial() {
        return !options.publicKeys().isEmpty() || !options.caCertificates().isEmpty()
                || options.sigstoreTrustRoot().isPresent();
    }

    /**
     * A signature made another way than the supplied material can check: its signer is not one the user
     * supplied. A signature by a key other than the given keys is as serious as a wrong key (MG-SIG-001);
     * otherwise the signer does not chain to a given CA or trust root (MG-SIG-003).
     */
    private void otherSigner(SignatureOutcome outcome, String what) {
        String supplied = suppliedMaterial();
        if (!options.publicKeys().isEmpty()) {
            outcome.untrusted(SignatureRules.INVALID, "signed with " + what + " whose key is none of the given "
                    + "public keys (" + supplied + "): not signed by a signer you supplied");
        } else {
            outcome.untrusted(SignatureRules.UNTRUSTED_CERTIFICATE, "signed with " + what + ", which the supplied "
                    + supplied + " cannot vouch for: not signed by a signer you supplied");
        }
    }

    private String suppliedMaterial() {
        List<String> given = new ArrayList<>();
        options.publicKeys().forEach(p -> given.add("--public-key " + p));
        options.caCertificates().forEach(p -> given.add("--ca-cert " + p));
        options.sigstoreTrustRoot().ifPresent(p -> given.add("--trust-root " + p));
        return String.join(", ", given);
    }

    /** The given public key that is this certificate's key, if any. */
    private Optional<SignerKey> givenKeyOf(X509Certificate leaf) throws IOException {
        PublicKey certificateKey = leaf.getPublicKey();
        if (certificateKey == null || certificateKey.getEncoded() == null) {
            return Optional.empty(); // a corrupted key: the certificate checks that follow report it
        }
        byte[] encoded = certificateKey.getEncoded();
        for (Path file : options.publicKeys()) {
            PublicKey key = PemFiles.publicKey(file);
            if (java.util.Arrays.equals(key.getEncoded(), encoded)) {
                return Optional.of(new SignerKey(key, "--public-key", file));
            }
        }
        return Optional.empty();
    }

    private List<SignerKey> givenKeys(SigstoreBundle.KeyHint hint, SignatureOutcome outcome) throws IOException {
        outcome.method("key");
        if (hint.hint() != null) {
            outcome.signer("keyHint", hint.hint());
        }
        if (options.publicKeys().isEmpty()) {
            if (suppliesModelSigningMaterial()) {
                otherSigner(outcome, "a bare public key" + (hint.hint() == null ? "" : " (hint " + hint.hint() + ")"));
            } else {
                outcome.unverified(SignatureRules.UNVERIFIABLE, "signed with a public key"
                        + (hint.hint() == null ? "" : " (hint " + hint.hint() + ")") + " but no --public-key was given");
            }
            return List.of();
        }
        List<SignerKey> candidates = new ArrayList<>();
        for (Path file : options.publicKeys()) {
            PublicKey key = PemFiles.publicKey(file);
            if (hint.hint() == null || hint.hint().equalsIgnoreCase(EcdsaSignatures.fingerprint(key))) {
                candidates.add(new SignerKey(key, "--public-key", file));
            }
        }
        if (candidates.isEmpty()) {
            outcome.untrusted(SignatureRules.INVALID, "signed by the key with hint " + hint.hint()
                    + ", which is none of the " + options.publicKeys().size() + " public key(s) given");
        }
        return candidates;
    }

    private PublicKey certificateKey(SigstoreBundle.CertificateChain chain, SignatureOutcome outcome) {
        outcome.method("certificate");
        X509Certificate leaf = chain.leaf();
        CertificateFacts.describe(leaf, outcome);
        List<X509Certificate> anchors = new ArrayList<>();
        try {
            for (Path file : options.caCertificates()) {
                anchors.addAll(PemFiles.certificates(file));
            }
        } catch (IOException e) {
            outcome.untrusted(SignatureRules.UNTRUSTED_CERTIFICATE, "cannot read CA certificates: " + e.getMessage());
        }
        if (options.caCertificates().isEmpty()) {
            if (suppliesModelSigningMaterial()) {
                otherSigner(outcome, "a certificate");
            } else {
                outcome.unverified(SignatureRules.UNVERIFIABLE,
                        "certificate chain not validated: no --ca-cert given (signer identity is unproven)");
            }
        } else if (!anchors.isEmpty()) {
            // As the reference verifier: the chain is validated as of the leaf's notBefore (signing time).
            List<X509Certificate> intermediates = chain.certificates().subList(1, chain.certificates().size());
            Optional<String> failure = CertificateTrust.validate(leaf, intermediates, anchors, leaf.getNotBefore());
            if (failure.isPresent()) {
                outcome.untrusted(SignatureRules.UNTRUSTED_CERTIFICATE,
                        "certificate chain does not lead to a given CA: " + failure.get());
            } else {
                outcome.checked("certificate chain to a given CA (as of the leaf's notBefore, no revocation check)");
                outcome.verifiedWith("--ca-cert", anchorFile(leaf, intermediates));
            }
        }
        CertificateTrust.signingUsage(leaf).ifPresentOrElse(
                why -> outcome.untrusted(SignatureRules.UNTRUSTED_CERTIFICATE, why),
                () -> outcome.checked("leaf certificate allows signing"));
        Date now = Date.from(clock.instant());
        for (X509Certificate cert : chain.certificates()) {
            CertificateTrust.validityProblem(cert, now).ifPresent(
                    why -> outcome.warn(SignatureRules.EXPIRED_CERTIFICATE, why));
        }
        return leaf.getPublicKey();
    }

    /** The --ca-cert file whose certificates alone validate the chain (the first one, if several would). */
    private String anchorFile(X509Certificate leaf, List<X509Certificate> intermediates) {
        for (Path file : options.caCertificates()) {
            try {
                if (CertificateTrust.validate(leaf, intermediates, PemFiles.certificates(file), leaf.getNotBefore())
                        .isEmpty()) {
                    return file.toString();
                }
            } catch (IOException e) {
                // unreadable files were reported above
            }
        }
        return options.caCertificates().get(0).toString();
    }

    /** The hash the 0.2 encoding was signed with: the curve's for keys, SHA-256 for certificates, none keyless. */
    private static String legacyAlgorithm(SigstoreBundle.Material material, PublicKey key) {
        if (material instanceof SigstoreBundle.KeylessCertificate) {
            return null;
        }
        try {
            return material instanceof SigstoreBundle.KeyHint ? EcdsaSignatures.algorithm(key) : "SHA256withECDSA";
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    /**
     * Verifies the DSSE signature with each candidate key; the encoding of model_signing 0.2 is tried
     * last, as the reference does (with the curve's hash for keys, SHA-256 for certificates).
     */
    private static void verifyEnvelope(Dsse.Envelope envelope, List<SignerKey> keys, String legacyAlgorithm,
                                       SignatureOutcome outcome) {
        byte[] pae = Dsse.pae(envelope.payloadType(), envelope.payload());
        byte[] legacy = Dsse.legacyPae(envelope.payloadType(), envelope.payload());
        List<String> refusals = new ArrayList<>();
        for (SignerKey candidate : keys) {
            PublicKey key = candidate.key();
            try {
                String algorithm = EcdsaSignatures.algorithm(key);
                boolean current = EcdsaSignatures.verify(key, algorithm, pae, envelope.signature());
                if (current || legacyAlgorithm != null
                        && EcdsaSignatures.verify(key, legacyAlgorithm, legacy, envelope.signature())) {
                    outcome.signer("keyFingerprint", "sha256:" + EcdsaSignatures.fingerprint(key));
                    outcome.signer("keyType", "ECDSA " + EcdsaSignatures.curveName(key));
                    outcome.checked(current ? "DSSE signature (" + algorithm + ")"
                            : "DSSE signature in the model_signing 0.2 encoding (" + legacyAlgorithm + ")");
                    if (candidate.option() != null) {
                        outcome.verifiedWith(candidate.option(), candidate.file().toString());
                    }
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
            outcome.unverified(SignatureRules.UNVERIFIABLE, "files not compared: hash type '" + statement.hashType()
                    + "' is not supported");
            return;
        }
        IgnoredPaths ignored = LocalManifest.ignored(statement, signatureName, folder, options.ignorePaths());
        LocalManifest local;
        String singleFile = null;
        if (statement.coversSingleFile()) {
            List<TreeEntry> entries = ModelTree.list(folder, ignored, limits.maxEntries());
            Optional<TreeEntry> signed = signedFile(statement, entries);
            if (signed.isEmpty()) {
                outcome.invalid(SignatureRules.CONTENT_MISMATCH, statement.subjectName().isEmpty() ? "."
                        : statement.subjectName(), ".", "the signature covers the single file '"
                        + statement.subjectName() + "', which is not in the folder");
                return;
            }
            singleFile = signed.get().name();
            outcome.checked("the signature covers the single file " + singleFile);
            for (TreeEntry other : entries) {
                if (!other.name().equals(singleFile)) {
                    outcome.invalid(SignatureRules.CONTENT_MISMATCH, other.name(), null, "file is not covered by the "
                            + "signature, which is over " + singleFile + " alone");
                }
            }
            local = LocalManifest.computeFile(signed.get(), statement, folder.toRealPath(), digests,
                    FileHashing.defaultThreads());
        } else {
            local = LocalManifest.compute(folder, statement, ignored, digests, limits.maxEntries(),
                    FileHashing.defaultThreads());
        }
        Map<String, Fingerprint> expected = new LinkedHashMap<>();
        String algorithm = statement.expectedAlgorithm();
        boolean algorithmsAgree = true;
        for (ModelStatement.Resource r : statement.resources()) {
            expected.put(r.name(), Fingerprint.file(r.digest(), -1));
            if (!r.algorithm().equals(algorithm)) {
                algorithmsAgree = false;
                outcome.invalid(SignatureRules.CONTENT_MISMATCH, fileOf(r.name(), statement, singleFile), r.name(),
                        "signed with algorithm '" + r.algorithm() + "' while the statement's serialisation is '"
                                + algorithm + "': the digest cannot match (the reference rejects it)");
            }
        }
        ManifestComparison comparison = ManifestComparison.compare(expected, local.digests());
        local.links().forEach((link, why) -> outcome.invalid(SignatureRules.CONTENT_MISMATCH, link, null, why));
        local.notes().forEach(outcome::checked);
        for (ManifestComparison.Difference d : comparison.differences()) {
            if (local.links().containsKey(d.name())) {
                continue;
            }
            String what = switch (d.kind()) {
                case CHANGED, KIND_CHANGED -> "content differs from the signed digest " + d.expected().sha256();
                case ADDED -> "file is not covered by the signature (added after signing)";
                case REMOVED -> "signed file is missing";
            };
            outcome.invalid(SignatureRules.CONTENT_MISMATCH, fileOf(d.name(), statement, singleFile), d.name(), what);
        }
        if (comparison.identical() && local.links().isEmpty() && algorithmsAgree) {
            outcome.checked("all " + comparison.matched().size() + " signed " + statement.method()
                    + " resources match the folder (" + statement.hashType() + ")");
        }
    }

    /**
     * The file a single-file signature is over: the one named by the statement's subject (the file's name
     * when it was signed), else the folder's only file (renaming does not void a signature).
     */
    private static Optional<TreeEntry> signedFile(ModelStatement statement, List<TreeEntry> entries) {
        for (TreeEntry entry : entries) {
            if (entry.name().equals(statement.subjectName())) {
                return Optional.of(entry);
            }
        }
        return entries.size() == 1 ? Optional.of(entries.get(0)) : Optional.empty();
    }

    private static String fileOf(String resource, ModelStatement statement, String singleFile) {
        String file = LocalManifest.fileOf(resource, statement.method());
        return singleFile != null && file.equals(".") ? singleFile : file;
    }
}
