package io.modelgate.verification.signing;

import io.modelgate.verification.VerificationChecks;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelgate.scanner.Limits;
import io.modelgate.scanner.Scanner;
import io.modelgate.scanner.VerificationOptions;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.ScanReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignRoundTripTest {

    @TempDir
    Path tmp;
    Path model;
    KeyPair key;
    Path privateKey;
    Path publicKey;

    @BeforeEach
    void signedModel() throws Exception {
        model = Files.createDirectories(tmp.resolve("model"));
        Files.writeString(model.resolve("config.json"), "{\"architectures\": [\"BertModel\"]}\n");
        Files.write(model.resolve("model.safetensors"), new byte[50_000]);
        Files.createDirectories(model.resolve("sub"));
        Files.writeString(model.resolve("sub/tokenizer.json"), "{}\n");
        Files.createDirectories(model.resolve(".git"));
        Files.writeString(model.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        key = TestPki.ecKey("secp256r1");
        privateKey = TestPki.writePem(tmp.resolve("key.pem"), key.getPrivate());
        publicKey = TestPki.writePem(tmp.resolve("key.pub"), key.getPublic());
        ModelSigner.sign(model, privateKey, 2);
    }

    private ScanReport scan(VerificationOptions options) throws IOException {
        return VerificationChecks.scanner(Limits.defaults(), 2, Clock.systemUTC(), options).scan(List.of(model));
    }

    private ScanReport scanWithKey() throws IOException {
        return scan(VerificationOptions.none().withPublicKeys(List.of(publicKey)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> signature(ScanReport report) {
        return io.modelgate.verification.FactMaps.signature(report);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> first(ScanReport report) {
        return ((List<Map<String, Object>>) signature(report).get("signatures")).get(0);
    }

    @Test
    void signedThenVerifiedWithTheKeyIsValid() throws IOException {
        ScanReport report = scanWithKey();
        assertThat(report.allFindings()).isEmpty();
        assertThat(signature(report)).containsEntry("status", "valid");
        assertThat(first(report)).containsEntry("method", "key");
        assertThat(first(report).get("signer").toString()).contains("keyFingerprint=sha256:", "ECDSA P-256");
        assertThat(first(report).get("checked").toString()).contains("all 3 signed files resources match");
    }

    @Test
    void p384KeysWork() throws Exception {
        KeyPair p384 = TestPki.ecKey("secp384r1");
        ModelSigner.sign(model, TestPki.writePem(tmp.resolve("k384.pem"), p384.getPrivate()), 1);
        publicKey = TestPki.writePem(tmp.resolve("k384.pub"), p384.getPublic());
        assertThat(signature(scanWithKey())).containsEntry("status", "valid");
    }

    @Test
    void withoutKeyTheSignatureIsUnverifiableButContentIsStillCompared() throws IOException {
        ScanReport report = scan(VerificationOptions.none());
        assertThat(report.allFindings()).extracting(Finding::ruleId).containsExactly("MG-SIG-005");
        assertThat(signature(report)).containsEntry("status", "unverified");
    }

    @Test
    void oneChangedByteIsCritical() throws IOException {
        byte[] bytes = Files.readAllBytes(model.resolve("model.safetensors"));
        bytes[40_000] ^= 1;
        Files.write(model.resolve("model.safetensors"), bytes);
        ScanReport report = scanWithKey();
        // the changed placeholder is no longer all zeros: a .safetensors of unknown content is also incomplete
        assertThat(report.allFindings()).filteredOn(f -> !f.ruleId().equals("MG-GEN-001")).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("MG-SIG-002");
            assertThat(f.location().path().toString()).endsWith("model/model.safetensors");
        });
        assertThat(signature(report)).containsEntry("status", "invalid");
    }

    @Test
    void addedRemovedAndRenamedFilesAreCaught() throws IOException {
        // a real (empty) pickle: a .pkl that is not one is reported incomplete on its own account
        Files.write(model.resolve("extra.pkl"), new byte[] {(byte) 0x80, 2, 'N', '.'});
        Files.move(model.resolve("sub/tokenizer.json"), model.resolve("sub/tok.json"));
        Files.delete(model.resolve("config.json"));
        assertThat(scanWithKey().allFindings()).extracting(f -> f.ruleId() + " " + f.location().path().leafName())
                .containsExactlyInAnyOrder("MG-SIG-002 " + model + "/extra.pkl", "MG-SIG-002 " + model + "/sub/tok.json",
                        "MG-SIG-002 " + model + "/sub/tokenizer.json", "MG-SIG-002 " + model + "/config.json");
    }

    @Test
    void gitMetadataIsIgnoredAsTheFormatSays() throws IOException {
        Files.writeString(model.resolve(".git/HEAD"), "ref: refs/heads/other\n");
        Files.writeString(model.resolve(".gitattributes"), "*.bin filter=lfs\n");
        assertThat(scanWithKey().allFindings()).isEmpty();
    }

    @Test
    void aSignatureByAnotherKeyIsUntrustedAndCritical() throws Exception {
        publicKey = TestPki.writePem(tmp.resolve("other.pub"), TestPki.ecKey("secp256r1").getPublic());
        ScanReport report = scanWithKey();
        assertThat(report.allFindings()).extracting(Finding::ruleId).containsExactly("MG-SIG-001");
        assertThat(signature(report)).containsEntry("status", "untrusted");
    }

    @Test
    void truncatedBundleIsInvalid() throws IOException {
        Path sig = model.resolve("model.sig");
        byte[] bytes = Files.readAllBytes(sig);
        Files.write(sig, Arrays.copyOf(bytes, bytes.length - 40));
        assertThat(scanWithKey().allFindings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("MG-SIG-001");
            assertThat(f.message()).contains("malformed");
        });
    }

    @Test
    void alteredStatementUnderAnUnchangedSignatureIsInvalid() throws IOException {
        rewriteEnvelope(envelope -> {
            String payload = new String(Base64.getDecoder().decode(envelope.get("payload").asText()), StandardCharsets.UTF_8);
            envelope.put("payload", Base64.getEncoder().encodeToString(
                    payload.replace("\"config.json\"", "\"config.jsom\"").getBytes(StandardCharsets.UTF_8)));
        });
        assertThat(scanWithKey().allFindings()).extracting(Finding::ruleId).containsExactly("MG-SIG-001");
    }

    @Test
    void wrongPayloadTypeIsInvalidEvenWhenSignedThatWay() throws Exception {
        rewriteEnvelope(envelope -> {
            try {
                byte[] payload = Base64.getDecoder().decode(envelope.get("payload").asText());
                String type = "application/json";
                byte[] sig = EcdsaSignatures.sign(key.getPrivate(), Dsse.pae(type, payload));
                envelope.put("payloadType", type);
                ((ObjectNode) envelope.get("signatures").get(0)).put("sig", Base64.getEncoder().encodeToString(sig));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(scanWithKey().allFindings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("MG-SIG-001");
            assertThat(f.message()).contains("payload type");
        });
    }

    @Test
    void certificateChainToTheGivenCaIsValid() throws Exception {
        Path ca = signWithCertificate(Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)));
        ScanReport report = scan(VerificationOptions.none().withCaCertificates(List.of(ca)));
        assertThat(report.allFindings()).isEmpty();
        assertThat(first(report)).containsEntry("method", "certificate").containsEntry("status", "valid");
        assertThat(first(report).get("signer").toString()).contains("CN=signer");
    }

    @Test
    void chainToAnotherCaIsUntrusted() throws Exception {
        signWithCertificate(Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)));
        KeyPair otherKey = TestPki.ecKey("secp256r1");
        Path other = TestPki.writePem(tmp.resolve("other-ca.pem"),
                TestPki.certificate("root", otherKey, "root", otherKey, true));
        ScanReport report = scan(VerificationOptions.none().withCaCertificates(List.of(other)));
        assertThat(report.allFindings()).extracting(Finding::ruleId).containsExactly("MG-SIG-003");
        assertThat(first(report)).containsEntry("status", "untrusted");
    }

    @Test
    void expiredCertificateIsHighWithTheReason() throws Exception {
        Path ca = signWithCertificate(Instant.now().minus(Duration.ofDays(400)), Instant.now().minus(Duration.ofDays(35)));
        ScanReport report = scan(VerificationOptions.none().withCaCertificates(List.of(ca)));
        assertThat(report.allFindings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("MG-SIG-004");
            assertThat(f.message()).contains("expired on");
        });
    }

    @Test
    void unsignedFolderIsAFactNotAFinding() throws IOException {
        Files.delete(model.resolve("model.sig"));
        ScanReport report = scan(VerificationOptions.none());
        assertThat(report.allFindings()).isEmpty();
        assertThat(signature(report)).containsEntry("status", "absent");
    }

    @Test
    void aDeletedSignatureFailsWhenAKeyIsRequired() throws IOException {
        Files.delete(model.resolve("model.sig"));
        ScanReport report = scanWithKey();
        assertThat(report.allFindings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("MG-SIG-003");
            assertThat(f.message()).contains("no model signature").contains("--public-key");
        });
        assertThat(signature(report)).containsEntry("status", "absent");
    }

    @Test
    void nonEcKeysAreRefused() throws Exception {
        var rsa = java.security.KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        Path rsaKey = TestPki.writePem(tmp.resolve("rsa.pem"), rsa.generateKeyPair().getPrivate());
        assertThatThrownBy(() -> ModelSigner.sign(model, rsaKey, 1)).hasMessageContaining("elliptic");
    }

    /** Signs with a leaf certificate valid in [from, to] under a fresh root; returns the root's PEM. */
    private Path signWithCertificate(Instant from, Instant to) throws Exception {
        KeyPair rootKey = TestPki.ecKey("secp384r1");
        X509Certificate root = TestPki.certificate("root", rootKey, "root", rootKey, true,
                from.minus(Duration.ofDays(10)), to.plus(Duration.ofDays(3650)));
        X509Certificate leaf = TestPki.certificate("signer", key, "root", rootKey, false, from, to);
        Path chain = TestPki.writePem(tmp.resolve("chain.pem"), leaf);
        ModelSigner.sign(model, privateKey, List.of(chain), 1);
        return TestPki.writePem(tmp.resolve("root.pem"), root);
    }

    private void rewriteEnvelope(java.util.function.Consumer<ObjectNode> change) throws IOException {
        Path sig = model.resolve("model.sig");
        ObjectNode bundle = (ObjectNode) BundleReader.JSON.readTree(Files.readAllBytes(sig));
        change.accept((ObjectNode) bundle.get("dsseEnvelope"));
        Files.write(sig, BundleReader.JSON.writeValueAsBytes(bundle));
    }
}
