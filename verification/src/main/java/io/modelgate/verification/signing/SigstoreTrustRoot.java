package io.modelgate.verification.signing;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Sigstore {@code trusted_root.json} given by the user: the Fulcio CA chains and the transparency-log
 * keys (by log id) that keyless signatures are checked against offline.
 *
 * @param certificateAuthorities each CA chain, intermediate(s) first, root last
 * @param logKeys                transparency-log public key by hex log id
 */
public record SigstoreTrustRoot(List<List<X509Certificate>> certificateAuthorities, Map<String, PublicKey> logKeys) {

    private static final long MAX_BYTES = 4 * 1024 * 1024;

    public static SigstoreTrustRoot read(Path file) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException(file + ": too large for a trust root");
        }
        JsonNode root = BundleReader.JSON.readTree(Files.readAllBytes(file));
        if (root == null || !root.isObject()) {
            throw new IOException(file + ": not a JSON object");
        }
        try {
            List<List<X509Certificate>> cas = new ArrayList<>();
            for (JsonNode ca : root.path("certificateAuthorities")) {
                List<X509Certificate> chain = new ArrayList<>();
                for (JsonNode cert : ca.path("certChain").path("certificates")) {
                    chain.add(PemFiles.certificate(BundleReader.base64(cert, "rawBytes")));
                }
                if (!chain.isEmpty()) {
                    cas.add(chain);
                }
            }
            Map<String, PublicKey> logs = new LinkedHashMap<>();
            for (JsonNode log : root.path("tlogs")) {
                byte[] keyId = BundleReader.base64(log.path("logId"), "keyId");
                byte[] der = BundleReader.base64(log.path("publicKey"), "rawBytes");
                logs.put(HexFormat.of().formatHex(keyId), publicKey(der));
            }
            return new SigstoreTrustRoot(cas, logs);
        } catch (MalformedSignatureException | GeneralSecurityException e) {
            throw new IOException(file + ": malformed trust root: " + e.getMessage(), e);
        }
    }

    private static PublicKey publicKey(byte[] der) throws GeneralSecurityException {
        GeneralSecurityException last = null;
        for (String algorithm : List.of("EC", "Ed25519", "RSA")) {
            try {
                return KeyFactory.getInstance(algorithm, BouncyCastle.PROVIDER).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw last;
    }
}
