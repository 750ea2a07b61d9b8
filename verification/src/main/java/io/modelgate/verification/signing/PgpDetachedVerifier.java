package io.modelgate.verification.signing;

import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.jcajce.JcaKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentVerifierBuilderProvider;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;

/** Verifies an OpenPGP detached signature ({@code .asc} / {@code .sig}) over a file against key rings. */
public final class PgpDetachedVerifier {

    public static final String FORMAT = "openpgp";
    /** Detached signatures are a few hundred bytes. */
    private static final long MAX_SIGNATURE_BYTES = 1024 * 1024;

    private PgpDetachedVerifier() {
    }

    /** True when the bytes start like an OpenPGP signature: armour, or a signature packet header. */
    public static boolean looksLikeSignature(byte[] head) {
        String text = new String(head, 0, Math.min(head.length, 64), java.nio.charset.StandardCharsets.US_ASCII);
        if (text.stripLeading().startsWith("-----BEGIN PGP SIGNATURE-----")) {
            return true;
        }
        // Packet tag 2 (signature): old format 0b10_0010_xx, new format 0b11_000010.
        return head.length > 0 && ((head[0] & 0xFC) == 0x88 || (head[0] & 0xFF) == 0xC2);
    }

    public static SignatureOutcome verify(Path signature, Path signed, String signatureName, PgpKeyrings keyrings)
            throws IOException {
        SignatureOutcome outcome = new SignatureOutcome(FORMAT, signatureName);
        outcome.method("detached");
        PGPSignature sig;
        try {
            sig = read(signature);
        } catch (IOException | PGPException | RuntimeException e) {
            outcome.invalid(SignatureRules.INVALID, null, null, "malformed OpenPGP signature: " + e.getMessage());
            return outcome;
        }
        String keyId = String.format("%016X", sig.getKeyID());
        outcome.signer("keyId", keyId);
        outcome.signer("signedAt", sig.getCreationTime().toInstant().toString());
        if (sig.getSignatureType() != PGPSignature.BINARY_DOCUMENT) {
            outcome.unverified(SignatureRules.UNVERIFIABLE, "signature type " + sig.getSignatureType()
                    + " (text mode) is not verified; only binary-document signatures are");
            return outcome;
        }
        if (keyrings.isEmpty()) {
            outcome.unverified(SignatureRules.UNVERIFIABLE, "OpenPGP signature by key " + keyId
                    + " not verified: no --keyring given");
            return outcome;
        }
        Optional<PGPPublicKey> key = keyrings.key(sig.getKeyID());
        if (key.isEmpty()) {
            outcome.untrusted(SignatureRules.INVALID, "OpenPGP signature by key " + keyId
                    + ", which is in none of the given key rings: not signed by a signer you supplied");
            return outcome;
        }
        outcome.signer("fingerprint", HexFormat.of().withUpperCase().formatHex(key.get().getFingerprint()));
        outcome.signer("userIds", keyrings.userIds(sig.getKeyID()));
        try {
            sig.init(new JcaPGPContentVerifierBuilderProvider().setProvider(BouncyCastle.PROVIDER), key.get());
            try (InputStream in = Files.newInputStream(signed)) {
                byte[] buffer = new byte[1 << 20];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    sig.update(buffer, 0, n);
                }
            }
            if (!sig.verify()) {
                outcome.invalid(SignatureRules.INVALID, null, null, "OpenPGP signature by key " + keyId
                        + " does not match the file: the file or the signature was altered");
                return outcome;
            }
        } catch (PGPException e) {
            outcome.invalid(SignatureRules.INVALID, null, null, "OpenPGP signature cannot be checked: " + e.getMessage());
            return outcome;
        }
        outcome.checked("OpenPGP signature over " + signed.getFileName() + " by key " + keyId);
        keyrings.fileOf(sig.getKeyID()).ifPresent(file -> outcome.verifiedWith("--keyring", file.toString()));
        keyProblem(key.get(), sig.getCreationTime()).ifPresent(
                why -> outcome.warn(SignatureRules.EXPIRED_CERTIFICATE, why));
        return outcome;
    }

    private static Optional<String> keyProblem(PGPPublicKey key, Date signedAt) {
        if (key.hasRevocation()) {
            return Optional.of("the signing key has been revoked");
        }
        long valid = key.getValidSeconds();
        if (valid > 0) {
            Date expiry = new Date(key.getCreationTime().getTime() + valid * 1000);
            if (signedAt.after(expiry)) {
                return Optional.of("the signing key expired on " + expiry.toInstant() + ", before the signature");
            }
            if (new Date().after(expiry)) {
                return Optional.of("the signing key expired on " + expiry.toInstant());
            }
        }
        return Optional.empty();
    }

    private static PGPSignature read(Path file) throws IOException, PGPException {
        if (Files.size(file) > MAX_SIGNATURE_BYTES) {
            throw new IOException("too large for a detached signature");
        }
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            PGPObjectFactory factory = new PGPObjectFactory(in, new JcaKeyFingerprintCalculator());
            Object object = factory.nextObject();
            if (object instanceof PGPCompressedData compressed) {
                factory = new PGPObjectFactory(compressed.getDataStream(), new JcaKeyFingerprintCalculator());
                object = factory.nextObject();
            }
            if (object instanceof PGPSignatureList list && !list.isEmpty()) {
                return list.get(0);
            }
            throw new IOException("no signature packet");
        }
    }
}
