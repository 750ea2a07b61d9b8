package io.modelgate.verification.signing;

import io.modelgate.scanner.digest.Sha256;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECKey;

/**
 * ECDSA as model_signing uses it: P-256/P-384/P-521 keys, the hash tied to the curve size, DER
 * signatures. Other key types are refused, as the reference verifier does.
 */
public final class EcdsaSignatures {

    private EcdsaSignatures() {
    }

    /** The JCA algorithm for this key, or an exception naming why the key is not usable. */
    public static String algorithm(Key key) throws GeneralSecurityException {
        if (!(key instanceof ECKey ec)) {
            throw new GeneralSecurityException("only elliptic-curve keys are supported, not " + key.getAlgorithm());
        }
        int bits = ec.getParams().getCurve().getField().getFieldSize();
        return switch (bits) {
            case 256 -> "SHA256withECDSA";
            case 384 -> "SHA384withECDSA";
            case 521 -> "SHA512withECDSA";
            default -> throw new GeneralSecurityException("unsupported curve of " + bits + " bits");
        };
    }

    public static String curveName(Key key) {
        if (key instanceof ECKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            return "P-" + bits;
        }
        return key.getAlgorithm();
    }

    public static boolean verify(PublicKey key, byte[] data, byte[] signature) throws GeneralSecurityException {
        Signature verifier = Signature.getInstance(algorithm(key), BouncyCastle.PROVIDER);
        verifier.initVerify(key);
        verifier.update(data);
        try {
            return verifier.verify(signature);
        } catch (java.security.SignatureException e) {
            return false;
        }
    }

    public static byte[] sign(PrivateKey key, byte[] data) throws GeneralSecurityException {
        Signature signer = Signature.getInstance(algorithm(key), BouncyCastle.PROVIDER);
        signer.initSign(key);
        signer.update(data);
        return signer.sign();
    }

    /** model_signing's key hint and our key fingerprint: SHA-256 of the canonical PEM. */
    public static String fingerprint(PublicKey key) {
        return Sha256.ofBytes(PemFiles.canonicalPem(key).getBytes(StandardCharsets.US_ASCII));
    }
}
