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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
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

    /** A detached signature whose file is not there: nothing it could vouch for. */
    public static SignatureOutcome orphan(String signatureName, String signedName) {
        SignatureOutcome outcome = new SignatureOutcome(FORMAT, signatureName);
        outcome.method("detached");
        outcome.unverified(SignatureRules.UNVERIFIABLE, "OpenPGP signature for '" + signedName
                + "', which is not in the folder: nothing to verify (removed, or renamed?)");
        return outcome;
    }

    /**
     * Verifies every signature packet of the file: invalid if any packet by a known key does not match;
     * valid if one does (packets by other keys are then noted, not held against it); untrusted if all are
     * by keys outside the given key rings; unverified without key rings.
     */
    public static SignatureOutcome verify(Path signature, Path signed, String signatureName, PgpKeyrings keyrings)
            throws IOException {
        SignatureOutcome outcome = new SignatureOutcome(FORMAT, signatureName);
        outcome.method("detached");
        List<PGPSignature> packets;
        try {
            packets = read(signature);
        } catch (IOException | PGPException | RuntimeException e) {
            outcome.invalid(SignatureRules.INVALID, null, null, "malformed OpenPGP signature: " + e.getMessage());
            return outcome;
        }
        List<String> keyIds = new ArrayList<>();
        List<PGPSignature> checkable = new ArrayList<>();
        List<PGPPublicKey> keys = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> textMode = new ArrayList<>();
        for (PGPSignature sig : packets) {
            String keyId = String.format("%016X", sig.getKeyID());
            keyIds.add(keyId);
            Optional<PGPPublicKey> key = keyrings.key(sig.getKeyID());
            if (sig.getSignatureType() != PGPSignature.BINARY_DOCUMENT) {
                textMode.add(keyId);
            } else if (key.isEmpty()) {
                unknown.add(keyId);
            } else {
                checkable.add(sig);
                keys.add(key.get());
            }
        }
        outcome.signer("keyId", String.join(", ", keyIds));
        outcome.signer("signedAt", packets.get(0).getCreationTime().toInstant().toString());
        PGPSignature good = null;
        PGPPublicKey goodKey = null;
        try {
            for (int i = 0; i < checkable.size(); i++) {
                checkable.get(i).init(new JcaPGPContentVerifierBuilderProvider().setProvider(BouncyCastle.PROVIDER),
                        keys.get(i));
            }
            if (!checkable.isEmpty()) {
                try (InputStream in = Files.newInputStream(signed)) {
                    byte[] buffer = new byte[1 << 20];
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        for (PGPSignature sig : checkable) {
                            sig.update(buffer, 0, n);
                        }
                    }
                }
            }
            for (int i = 0; i < checkable.size(); i++) {
                String keyId = String.format("%016X", checkable.get(i).getKeyID());
                if (!checkable.get(i).verify()) {
                    outcome.invalid(SignatureRules.INVALID, null, null, "OpenPGP signature by key " + keyId
                            + " does not match the file: the file or the signature was altered");
                } else if (good == null) {
                    good = checkable.get(i);
                    goodKey = keys.get(i);
                }
            }
        } catch (PGPException e) {
            outcome.invalid(SignatureRules.INVALID, null, null, "OpenPGP signature cannot be checked: " + e.getMessage());
            return outcome;
        }
        if (outcome.isInvalid()) {
            return outcome;
        }
        if (good != null) {
            String keyId = String.format("%016X", good.getKeyID());
            outcome.signer("fingerprint", HexFormat.of().withUpperCase().formatHex(goodKey.getFingerprint()));
            outcome.signer("userIds", keyrings.userIds(good.getKeyID()));
            outcome.checked("OpenPGP signature over " + signed.getFileName() + " by key " + keyId
                    + (packets.size() > 1 ? " (all " + packets.size() + " signature packets checked)" : ""));
            keyrings.fileOf(good.getKeyID()).ifPresent(file -> outcome.verifiedWith("--keyring", file.toString()));
            unknown.forEach(id -> outcome.notVerified("another signature packet, by key " + id
                    + ", which is in none of the given key rings"));
            textMode.forEach(id -> outcome.notVerified("a text-mode signature packet by key " + id));
            keyProblem(goodKey, good.getCreationTime()).ifPresent(
                    why -> outcome.warn(SignatureRules.EXPIRED_CERTIFICATE, why));
            return outcome;
        }
        if (keyrings.isEmpty()) {
            outcome.unverified(SignatureRules.UNVERIFIABLE, "OpenPGP signature by key " + String.join(", ", keyIds)
                    + " not verified: no --keyring given");
        } else if (!unknown.isEmpty()) {
            outcome.untrusted(SignatureRules.INVALID, "OpenPGP signature by key " + String.join(", ", unknown)
                    + ", which is in none of the given key rings: not signed by a signer you supplied");
        } else {
            outcome.unverified(SignatureRules.UNVERIFIABLE, "signature by key " + String.join(", ", textMode)
                    + " is text mode, which is not verified; only binary-document signatures are");
        }
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

    /** Every signature packet of the file (binary, or each of its armoured blocks; possibly compressed). */
    private static List<PGPSignature> read(Path file) throws IOException, PGPException {
        if (Files.size(file) > MAX_SIGNATURE_BYTES) {
            throw new IOException("too large for a detached signature");
        }
        byte[] bytes = Files.readAllBytes(file);
        List<PGPSignature> packets = new ArrayList<>();
        for (byte[] block : armouredBlocks(bytes)) {
            try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(block))) {
                collect(new PGPObjectFactory(in, new JcaKeyFingerprintCalculator()), packets);
            }
        }
        if (packets.isEmpty()) {
            throw new IOException("no signature packet");
        }
        return packets;
    }

    private static final String ARMOUR_END = "-----END PGP SIGNATURE-----";

    /**
     * The armoured blocks of the file, each decoded on its own (a decoder stops after the first, which
     * would let a second block go unchecked); the whole file when it is binary.
     */
    private static List<byte[]> armouredBlocks(byte[] bytes) {
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!text.stripLeading().startsWith("-----BEGIN PGP")) {
            return List.of(bytes);
        }
        List<byte[]> blocks = new ArrayList<>();
        int from = 0;
        int end;
        while ((end = text.indexOf(ARMOUR_END, from)) >= 0) {
            blocks.add(text.substring(from, end + ARMOUR_END.length()).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            from = end + ARMOUR_END.length();
        }
        if (blocks.isEmpty()) {
            blocks.add(bytes);
        }
        return blocks;
    }

    private static void collect(PGPObjectFactory factory, List<PGPSignature> packets) throws IOException,
            PGPException {
        Object object;
        while ((object = factory.nextObject()) != null) {
            if (object instanceof PGPCompressedData compressed) {
                collect(new PGPObjectFactory(compressed.getDataStream(), new JcaKeyFingerprintCalculator()), packets);
            } else if (object instanceof PGPSignatureList list) {
                list.forEach(packets::add);
            } else {
                throw new IOException("a packet other than a signature in a detached signature");
            }
            if (packets.size() > 64) {
                throw new IOException("more than 64 signature packets");
            }
        }
    }
}
