package io.modelgate.verification.signing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelgate.scanner.Limits;
import io.modelgate.scanner.folder.FileDigests;
import io.modelgate.verification.integrity.FileHashing;
import io.modelgate.verification.integrity.Fingerprint;
import io.modelgate.verification.integrity.IgnoredPaths;
import io.modelgate.verification.integrity.ModelTree;
import io.modelgate.verification.integrity.TreeEntry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * {@code modelgate sign --key KEY PATH}: writes a key-based OpenSSF model_signing signature
 * ({@code model.sig}, Sigstore bundle v0.3, DSSE over an in-toto statement, files serialisation, SHA-256)
 * that the reference {@code model_signing verify key} accepts.
 */
public final class ModelSigner {

    private ModelSigner() {
    }

    /** Signs {@code folder} with the PEM EC private key in {@code keyFile}; returns the signature path. */
    public static Path sign(Path folder, Path keyFile, int threads) throws IOException, GeneralSecurityException {
        return sign(folder, keyFile, List.of(), threads);
    }

    /**
     * Signs with a key and, when {@code certificateFiles} is not empty, records the certificate chain
     * (PEM files: the signing certificate first, then its issuers) instead of a key hint.
     */
    public static Path sign(Path folder, Path keyFile, List<Path> certificateFiles, int threads)
            throws IOException, GeneralSecurityException {
        PrivateKey privateKey = PemFiles.privateKey(keyFile);
        EcdsaSignatures.algorithm(privateKey);
        PublicKey publicKey = publicKeyOf(privateKey);
        List<X509Certificate> chain = new ArrayList<>();
        for (Path file : certificateFiles) {
            chain.addAll(PemFiles.certificates(file));
        }
        if (!chain.isEmpty() && !java.util.Arrays.equals(chain.get(0).getPublicKey().getEncoded(), publicKey.getEncoded())) {
            throw new GeneralSecurityException("the first certificate is not for the signing key");
        }
        Path signature = folder.resolve(ModelSignatureAnalyzer.SIGNATURE_NAME);
        List<String> ignore = new ArrayList<>(List.of(".git", ModelSignatureAnalyzer.SIGNATURE_NAME));
        ignore.addAll(LocalManifest.GIT_PATHS.subList(1, LocalManifest.GIT_PATHS.size()));
        List<TreeEntry> entries = ModelTree.list(folder, IgnoredPaths.of(ignore), Limits.defaults().maxEntries());
        for (TreeEntry entry : entries) {
            if (entry.isLink()) {
                throw new IOException("cannot sign: " + entry.name() + " is a symbolic link");
            }
        }
        Map<String, Fingerprint> digests = FileHashing.fingerprints(entries, FileDigests.none(), threads);
        List<ModelStatement.Resource> resources = new ArrayList<>();
        digests.forEach((name, f) -> resources.add(new ModelStatement.Resource(name, "sha256", f.sha256())));
        Path name = folder.toAbsolutePath().normalize().getFileName();
        ModelStatement statement = new ModelStatement(name == null ? "model" : name.toString(), "files", "sha256", 0,
                false, ignore, resources, ModelStatement.PREDICATE_V1);
        byte[] payload = statement.toJson();
        byte[] sig = EcdsaSignatures.sign(privateKey, Dsse.pae(Dsse.IN_TOTO_PAYLOAD_TYPE, payload));
        Files.write(signature, bundle(payload, sig, EcdsaSignatures.fingerprint(publicKey), chain));
        return signature;
    }

    private static byte[] bundle(byte[] payload, byte[] signature, String hint, List<X509Certificate> chain)
            throws IOException, GeneralSecurityException {
        ObjectNode root = BundleReader.JSON.createObjectNode();
        root.put("mediaType", SigstoreBundle.MEDIA_TYPE_V03);
        ObjectNode material = root.putObject("verificationMaterial");
        if (chain.isEmpty()) {
            material.putObject("publicKey").put("hint", hint);
        } else {
            var certificates = material.putObject("x509CertificateChain").putArray("certificates");
            for (X509Certificate cert : chain) {
                certificates.addObject().put("rawBytes", Base64.getEncoder().encodeToString(cert.getEncoded()));
            }
        }
        material.putArray("tlogEntries");
        ObjectNode envelope = root.putObject("dsseEnvelope");
        envelope.put("payload", Base64.getEncoder().encodeToString(payload));
        envelope.put("payloadType", Dsse.IN_TOTO_PAYLOAD_TYPE);
        envelope.putArray("signatures").addObject()
                .put("sig", Base64.getEncoder().encodeToString(signature)).put("keyid", "");
        return BundleReader.JSON.writeValueAsBytes(root);
    }

    /** The EC public point is d·G; PKCS#8 files need not carry it. */
    static PublicKey publicKeyOf(PrivateKey key) throws GeneralSecurityException {
        if (!(key instanceof org.bouncycastle.jce.interfaces.ECPrivateKey ec)) {
            throw new GeneralSecurityException("only elliptic-curve keys are supported");
        }
        org.bouncycastle.jce.spec.ECParameterSpec params = ec.getParameters();
        org.bouncycastle.math.ec.ECPoint q = params.getG().multiply(ec.getD()).normalize();
        return KeyFactory.getInstance("EC", BouncyCastle.PROVIDER)
                .generatePublic(new org.bouncycastle.jce.spec.ECPublicKeySpec(q, params));
    }
}
