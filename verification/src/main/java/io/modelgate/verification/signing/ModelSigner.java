package io.modelgate.verification.signing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelgate.scanner.Limits;
import io.modelgate.scanner.folder.FileDigests;
import io.modelgate.verification.integrity.IgnoredPaths;

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
 * {@code modelgate sign --key KEY PATH}: writes an OpenSSF model_signing signature ({@code model.sig},
 * Sigstore bundle v0.3, DSSE over an in-toto statement) as the reference writes it: resources in its
 * canonical order, the ignored paths recorded, so that {@code model_signing verify} accepts it and the
 * subject digest (the model's identity) is the one model_signing computes for the same folder.
 */
public final class ModelSigner {

    /** Shards of 1,000,000,000 bytes unless told otherwise, as the reference. */
    public static final long DEFAULT_SHARD_SIZE = 1_000_000_000L;

    /**
     * How the folder is serialised.
     *
     * @param method        {@code files} or {@code shards}
     * @param hashType      sha256, blake2b or blake3 (not with shards, as the reference)
     * @param shardSize     bytes per shard for {@code shards}
     * @param allowSymlinks follow links to files (their target is hashed) instead of refusing them
     * @param ignorePaths   paths left out besides the signature and git metadata, relative to the folder
     */
    public record Serialization(String method, String hashType, long shardSize, boolean allowSymlinks,
                                List<String> ignorePaths) {

        public Serialization {
            ignorePaths = List.copyOf(ignorePaths);
            if (!method.equals("files") && !method.equals("shards")) {
                throw new IllegalArgumentException("serialisation must be files or shards, not " + method);
            }
            if (!ResourceHasher.supports(hashType)) {
                throw new IllegalArgumentException("hash must be sha256, blake2b or blake3, not " + hashType);
            }
            if (method.equals("shards") && hashType.equals("blake3")) {
                throw new IllegalArgumentException("blake3 is not used with shards (it hashes in parallel itself)");
            }
            if (method.equals("shards") && shardSize <= 0) {
                throw new IllegalArgumentException("shard size must be positive");
            }
        }

        /** Whole files, SHA-256, no links, nothing else ignored: the reference's defaults. */
        public static Serialization defaults() {
            return new Serialization("files", "sha256", 0, false, List.of());
        }
    }

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
        return sign(folder, keyFile, certificateFiles, Serialization.defaults(), threads);
    }

    public static Path sign(Path folder, Path keyFile, List<Path> certificateFiles, Serialization serialization,
                            int threads) throws IOException, GeneralSecurityException {
        PrivateKey privateKey = PemFiles.privateKey(keyFile);
        EcdsaSignatures.curve(privateKey);
        PublicKey publicKey = publicKeyOf(privateKey);
        List<X509Certificate> chain = new ArrayList<>();
        for (Path file : certificateFiles) {
            chain.addAll(PemFiles.certificates(file));
        }
        if (!chain.isEmpty() && !java.util.Arrays.equals(chain.get(0).getPublicKey().getEncoded(), publicKey.getEncoded())) {
            throw new GeneralSecurityException("the first certificate is not for the signing key");
        }
        Path signature = folder.resolve(ModelSignatureAnalyzer.SIGNATURE_NAME);
        List<String> ignore = new ArrayList<>(serialization.ignorePaths());
        ignore.addAll(List.of(".git", ModelSignatureAnalyzer.SIGNATURE_NAME));
        ignore.addAll(LocalManifest.GIT_PATHS.subList(1, LocalManifest.GIT_PATHS.size()));
        ignore = IgnoredPaths.of(ignore).paths();
        ModelStatement shape = new ModelStatement("", serialization.method(), serialization.hashType(),
                serialization.method().equals("shards") ? serialization.shardSize() : 0,
                serialization.allowSymlinks(), ignore, List.of(), ModelStatement.PREDICATE_V1);
        LocalManifest local = LocalManifest.compute(folder, shape, IgnoredPaths.of(ignore), FileDigests.none(),
                Limits.defaults().maxEntries(), threads);
        if (!local.links().isEmpty()) {
            Map.Entry<String, String> first = local.links().entrySet().iterator().next();
            throw new IOException("cannot sign: " + first.getKey() + " is a " + first.getValue()
                    .replace(" in a model signed without allow_symlinks", " (use --allow-symlinks to follow links)"));
        }
        List<String> names = new ArrayList<>(local.digests().keySet());
        names.sort(new ResourceOrder(serialization.method().equals("shards")));
        List<ModelStatement.Resource> resources = new ArrayList<>();
        for (String resource : names) {
            resources.add(new ModelStatement.Resource(resource, shape.expectedAlgorithm(),
                    local.digests().get(resource).sha256()));
        }
        Path name = folder.toAbsolutePath().normalize().getFileName();
        ModelStatement statement = new ModelStatement(name == null ? "model" : name.toString(), shape.method(),
                shape.hashType(), shape.shardSize(), shape.allowSymlinks(), ignore, resources,
                ModelStatement.PREDICATE_V1);
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
