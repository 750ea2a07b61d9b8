package io.modelgate.verification.signing;

import io.modelgate.verification.VerificationChecks;
import io.modelgate.scanner.Limits;
import io.modelgate.scanner.Scanner;
import io.modelgate.scanner.VerificationOptions;
import io.modelgate.verification.integrity.LockWriter;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.ScanReport;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyPair;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PgpSignatureTest {

    private static PGPKeyPair signer;
    private static byte[] keyring;
    private static byte[] otherKeyring;

    @TempDir
    Path tmp;
    Path model;

    @BeforeAll
    static void keys() throws Exception {
        signer = pgpKey();
        keyring = publicRing(signer, "Model Team <models@example.com>");
        otherKeyring = publicRing(pgpKey(), "Someone Else <else@example.com>");
    }

    private static PGPKeyPair pgpKey() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA", BouncyCastle.PROVIDER);
        rsa.initialize(2048);
        return new JcaPGPKeyPair(PGPPublicKey.RSA_GENERAL, rsa.generateKeyPair(), new Date());
    }

    private static byte[] publicRing(PGPKeyPair pair, String userId) throws Exception {
        var sha1 = new JcaPGPDigestCalculatorProviderBuilder().build().get(HashAlgorithmTags.SHA1);
        PGPKeyRingGenerator generator = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, pair, userId, sha1,
                null, null, new JcaPGPContentSignerBuilder(pair.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA256)
                .setProvider(BouncyCastle.PROVIDER), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArmoredOutputStream armored = new ArmoredOutputStream(out)) {
            generator.generatePublicKeyRing().encode(armored);
        }
        return out.toByteArray();
    }

    private static void signDetached(Path file, Path signature) throws Exception {
        signDetached(file, signature, signer);
    }

    private static void signDetached(Path file, Path signature, PGPKeyPair signer) throws Exception {
        PGPSignatureGenerator generator = new PGPSignatureGenerator(new JcaPGPContentSignerBuilder(
                signer.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA256).setProvider(BouncyCastle.PROVIDER),
                signer.getPublicKey());
        generator.init(PGPSignature.BINARY_DOCUMENT, signer.getPrivateKey());
        generator.update(Files.readAllBytes(file));
        try (OutputStream out = new ArmoredOutputStream(Files.newOutputStream(signature))) {
            generator.generate().encode(out);
        }
    }

    @BeforeEach
    void signedFile() throws Exception {
        model = Files.createDirectories(tmp.resolve("model"));
        Files.write(model.resolve("model.gguf"), new byte[3000]);
        signDetached(model.resolve("model.gguf"), model.resolve("model.gguf.asc"));
    }

    private ScanReport scan(VerificationOptions options) throws IOException {
        return VerificationChecks.scanner(Limits.defaults(), 2, Clock.systemUTC(), options).scan(List.of(model));
    }

    private VerificationOptions ring(byte[] ring) throws IOException {
        return VerificationOptions.none().withKeyrings(List.of(Files.write(tmp.resolve("ring.asc"), ring)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> signature(ScanReport report) {
        return io.modelgate.verification.FactMaps.signature(report);
    }

    @Test
    void detachedSignatureVerifiesAgainstTheKeyring() throws IOException {
        ScanReport report = scan(ring(keyring));
        assertThat(report.allFindings()).isEmpty();
        assertThat(signature(report)).containsEntry("status", "valid");
        assertThat(signature(report).toString()).contains("format=openpgp", "models@example.com", "fingerprint=");
    }

    @Test
    void theKeyRingItWasVerifiedWithIsNamed() throws IOException {
        VerificationOptions options = ring(keyring);
        String shown = signature(scan(options)).toString();
        assertThat(shown).contains("verifiedWith={option=--keyring, file=" + options.keyrings().get(0) + "}");
    }

    @Test
    void aKeyRingRequiresAnOpenPgpSignatureInTheFolder() throws IOException {
        Files.delete(model.resolve("model.gguf.asc"));
        assertThat(scan(ring(keyring)).allFindings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("MG-SIG-003");
            assertThat(f.message()).contains("no OpenPGP signature verified with the supplied --keyring");
        });
    }

    @Test
    void aFileScannedOnItsOwnIsCheckedAgainstItsDetachedSignature() throws IOException {
        Path file = model.resolve("model.gguf");
        var scanner = VerificationChecks.scanner(Limits.defaults(), 2, Clock.systemUTC(), ring(keyring));
        ScanReport report = scanner.scan(List.of(file));
        assertThat(report.allFindings()).isEmpty();
        assertThat(signature(report)).containsEntry("status", "valid");
        Files.write(file, new byte[3001]);
        assertThat(scanner.scan(List.of(file)).allFindings()).extracting(Finding::ruleId).containsExactly("MG-SIG-001");
    }

    @Test
    void everySignaturePacketOfAFileIsChecked() throws Exception {
        Path file = model.resolve("model.gguf");
        Path good = tmp.resolve("good.asc");
        Path other = tmp.resolve("other.asc");
        signDetached(file, good);
        signDetached(file, other, pgpKey());
        Path asc = model.resolve("model.gguf.asc");
        // Another signer's packet after a good one: noted, not held against the good one.
        Files.writeString(asc, Files.readString(good) + Files.readString(other));
        ScanReport both = scan(ring(keyring));
        assertThat(both.allFindings()).isEmpty();
        assertThat(signature(both).toString()).contains("all 2 signature packets checked", "another signature packet");
        // A good packet does not hide a bad one: a packet of a known key over other content is invalid.
        Path elsewhere = Files.write(tmp.resolve("elsewhere.bin"), new byte[]{1});
        Path bad = tmp.resolve("bad.asc");
        signDetached(elsewhere, bad);
        Files.writeString(asc, Files.readString(good) + Files.readString(bad));
        assertThat(scan(ring(keyring)).allFindings()).extracting(Finding::ruleId).containsExactly("MG-SIG-001");
    }

    @Test
    void anOrphanedSignatureIsReportedAndASignedLockInTheFolderOnce() throws Exception {
        Files.move(model.resolve("model.gguf.asc"), model.resolve("weights.bin.asc"));
        ScanReport orphan = scan(ring(keyring));
        assertThat(orphan.allFindings()).extracting(Finding::ruleId).contains("MG-SIG-005");
        assertThat(orphan.allFindings()).anyMatch(f -> f.message().contains("'weights.bin', which is not in the folder"));
        Files.delete(model.resolve("weights.bin.asc"));

        Path lock = model.resolve("modelgate.lock");
        LockWriter.write(model, lock, 1);
        signDetached(lock, model.resolve("modelgate.lock.asc"));
        ScanReport report = scan(ring(keyring).withLockFile(lock));
        assertThat(report.allFindings()).isEmpty();
        assertThat((List<?>) signature(report).get("signatures")).hasSize(1);
    }

    @Test
    void changedFileIsInvalid() throws IOException {
        Files.write(model.resolve("model.gguf"), new byte[3001]);
        assertThat(scan(ring(keyring)).allFindings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("MG-SIG-001");
            assertThat(f.location().path().toString()).endsWith("model.gguf.asc");
        });
    }

    @Test
    void unknownKeyIsAsSeriousAsAWrongKeyAndNoKeyringIsUnverifiable() throws IOException {
        assertThat(scan(ring(otherKeyring)).allFindings()).extracting(Finding::ruleId).containsExactly("MG-SIG-001");
        assertThat(scan(VerificationOptions.none()).allFindings()).extracting(Finding::ruleId).containsExactly("MG-SIG-005");
    }

    @Test
    void truncatedSignatureIsInvalid() throws IOException {
        Path asc = model.resolve("model.gguf.asc");
        String text = Files.readString(asc);
        Files.writeString(asc, text.substring(0, text.length() / 2));
        assertThat(scan(ring(keyring)).allFindings()).extracting(Finding::ruleId).containsExactly("MG-SIG-001");
    }

    @Test
    void signedLockVouchesForTheFolder() throws Exception {
        Files.delete(model.resolve("model.gguf.asc"));
        Path lock = tmp.resolve("approved.lock");
        LockWriter.write(model, lock, 1);
        signDetached(lock, tmp.resolve("approved.lock.asc"));
        VerificationOptions options = ring(keyring).withLockFile(lock);
        ScanReport report = scan(options);
        assertThat(report.allFindings()).isEmpty();
        assertThat(signature(report)).containsEntry("status", "valid");

        Files.writeString(lock, Files.readString(lock).replace("\"size\" : 3000", "\"size\" : 3001"));
        assertThat(scan(options).allFindings()).extracting(Finding::ruleId).contains("MG-SIG-001");
    }
}
