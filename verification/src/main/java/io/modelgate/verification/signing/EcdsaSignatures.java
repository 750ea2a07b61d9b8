package io.modelgate.verification.signing;

import io.modelgate.scanner.digest.Sha256;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.util.List;

/**
 * ECDSA as model_signing uses it: P-256/P-384/P-521 keys, the hash tied to the curve size, DER
 * signatures. Other key types are refused, as the reference verifier does.
 */
public final class EcdsaSignatures {

    private EcdsaSignatures() {
    }

    /** The JCA algorithm for this key, or an exception naming why the key is not usable. */
    public static String algorithm(Key key) throws GeneralSecurityException {
        return switch (curve(key)) {
            case "P-256" -> "SHA256withECDSA";
            case "P-384" -> "SHA384withECDSA";
            default -> "SHA512withECDSA";
        };
    }

    /**
     * The NIST curve of an EC key (P-256, P-384 or P-521), recognised by its domain parameters: other
     * curves of the same size (secp256k1, brainpool) are refused, as the reference does.
     */
    public static String curve(Key key) throws GeneralSecurityException {
        if (!(key instanceof ECKey ec)) {
            throw new GeneralSecurityException("only elliptic-curve keys are supported, not " + key.getAlgorithm());
        }
        java.security.spec.ECParameterSpec params = ec.getParams();
        for (String name : NIST_CURVES) {
            org.bouncycastle.asn1.x9.X9ECParameters nist = org.bouncycastle.asn1.nist.NISTNamedCurves.getByName(name);
            if (params.getOrder().equals(nist.getN())
                    && params.getCurve().getA().equals(nist.getCurve().getA().toBigInteger())
                    && params.getCurve().getB().equals(nist.getCurve().getB().toBigInteger())
                    && params.getCurve().getField().getFieldSize() == nist.getCurve().getFieldSize()
                    && params.getGenerator().getAffineX().equals(nist.getG().getAffineXCoord().toBigInteger())) {
                return name;
            }
        }
        throw new GeneralSecurityException("unsupported elliptic curve of "
                + params.getCurve().getField().getFieldSize() + " bits: only NIST P-256, P-384 and P-521 keys are "
                + "supported (not secp256k1 or brainpool)");
    }

    private static final List<String> NIST_CURVES = List.of("P-256", "P-384", "P-521");

    /** The curve's name for reports; never fails. */
    public static String curveName(Key key) {
        try {
            return curve(key);
        } catch (GeneralSecurityException e) {
            return key.getAlgorithm();
        }
    }

    public static boolean verify(PublicKey key, byte[] data, byte[] signature) throws GeneralSecurityException {
        return verify(key, algorithm(key), data, signature);
    }

    /** Verifies with a given algorithm (v0.2 certificate signatures used SHA-256 whatever the curve). */
    public static boolean verify(PublicKey key, String algorithm, byte[] data, byte[] signature)
            throws GeneralSecurityException {
        curve(key);
        Signature verifier = Signature.getInstance(algorithm, BouncyCastle.PROVIDER);
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
