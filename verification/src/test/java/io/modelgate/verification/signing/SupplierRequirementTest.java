package io.modelgate.verification.signing;

import io.modelgate.scanner.VerificationOptions;
import io.modelgate.scanner.model.ScanReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.modelgate.verification.signing.VectorScans.ruleIds;
import static io.modelgate.verification.signing.VectorScans.scan;
import static io.modelgate.verification.signing.VectorScans.signature;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A given key, CA or trust root is a requirement: the outcome says whether the signature was verified with
 * that material, and a signature of another method or signer, or none at all, is reported.
 */
@SuppressWarnings("unchecked")
class SupplierRequirementTest {

    private static final Path VECTORS = VectorScans.VECTORS;
    private static final Path KEY = VECTORS.resolve("signing-key-pub.pem");
    private static final Path ROOT_CA = VECTORS.resolve("root-ca.pem");
    private static final Path TRUST_ROOT = VECTORS.resolve("sigstore-trusted-root.json");

    @TempDir
    Path tmp;

    private static VerificationOptions key(Path key) {
        return VerificationOptions.none().withPublicKeys(List.of(key));
    }

    @Test
    void theOutcomeNamesTheSuppliedMaterialItWasVerifiedWith() throws Exception {
        var otherCaKey = TestPki.ecKey("secp256r1");
        Path otherCa = TestPki.writePem(tmp.resolve("other-ca.pem"),
                TestPki.certificate("other-ca", otherCaKey, "other-ca", otherCaKey, true));
        Map<String, Object> byKey = signature(scan(VECTORS.resolve("v1.1.0-elliptic-key"), key(KEY)));
        assertThat((Map<String, Object>) byKey.get("verifiedWith"))
                .containsEntry("option", "--public-key").containsEntry("file", KEY.toString());
        Map<String, Object> byCa = signature(scan(VECTORS.resolve("v1.1.0-certificate"),
                VerificationOptions.none().withCaCertificates(List.of(otherCa, ROOT_CA))));
        assertThat((Map<String, Object>) byCa.get("verifiedWith"))
                .containsEntry("option", "--ca-cert").containsEntry("file", ROOT_CA.toString());
        Map<String, Object> keyless = signature(scan(VECTORS.resolve("v1.1.0-sigstore"),
                VerificationOptions.none().withTrustRoot(TRUST_ROOT)));
        assertThat((Map<String, Object>) keyless.get("verifiedWith")).containsEntry("option", "--trust-root");
    }

    @Test
    void nothingSuppliedLeavesTheSignatureUnverifiedWithoutVerifiedWith() throws IOException {
        Map<String, Object> signature = signature(scan(VECTORS.resolve("v1.1.0-certificate"),
                VerificationOptions.none()));
        assertThat(signature).containsEntry("status", "unverified").doesNotContainKey("verifiedWith");
    }

    @Test
    void aCertificateOfTheGivenKeyIsVerifiedByTheKeyAsTheReferenceDoes() throws IOException {
        ScanReport report = scan(VECTORS.resolve("v1.0.1-certificate"),
                key(KEY).withIgnorePaths(List.of(VECTORS.resolve("v1.0.1-certificate/ignore-me"))));
        assertThat(ruleIds(report)).isEmpty();
        assertThat(signature(report)).containsEntry("status", "valid").containsEntry("method", "certificate");
    }

    @Test
    void aSelfMadeCertificateWhenAKeyIsGivenIsUntrusted() throws Exception {
        Path model = Files.createDirectories(tmp.resolve("model"));
        Files.writeString(model.resolve("weights.bin"), "weights");
        var signer = TestPki.ecKey("secp384r1");
        Path keyFile = TestPki.writePem(tmp.resolve("self.key"), signer.getPrivate());
        Path cert = TestPki.writePem(tmp.resolve("self.pem"),
                TestPki.certificate("self", signer, "self", signer, false));
        ModelSigner.sign(model, keyFile, List.of(cert), 1);
        ScanReport report = scan(model, key(KEY));
        assertThat(ruleIds(report)).containsExactly("MG-SIG-001");
        assertThat(signature(report)).containsEntry("status", "untrusted").containsEntry("method", "certificate");
        assertThat((List<String>) signature(report).get("notVerified"))
                .anyMatch(n -> n.contains("none of the given public keys"));
    }

    @Test
    void aKeylessSignatureWhenAKeyIsGivenIsUntrusted() throws IOException {
        ScanReport report = scan(VECTORS.resolve("v1.1.0-sigstore"), key(KEY));
        assertThat(ruleIds(report)).containsExactly("MG-SIG-001");
        assertThat(signature(report)).containsEntry("status", "untrusted").containsEntry("method", "keyless");
    }

    @Test
    void aKeySignatureWhenOnlyACaIsGivenIsUntrusted() throws IOException {
        ScanReport report = scan(VECTORS.resolve("v1.1.0-elliptic-key"),
                VerificationOptions.none().withCaCertificates(List.of(ROOT_CA)));
        assertThat(ruleIds(report)).containsExactly("MG-SIG-003");
        assertThat(signature(report)).containsEntry("status", "untrusted").containsEntry("method", "key");
    }

    @Test
    void aCertificateSignatureWhenOnlyATrustRootIsGivenIsUntrusted() throws IOException {
        ScanReport report = scan(VECTORS.resolve("v1.1.0-certificate"),
                VerificationOptions.none().withTrustRoot(TRUST_ROOT));
        assertThat(ruleIds(report)).containsExactly("MG-SIG-003");
        assertThat(signature(report)).containsEntry("status", "untrusted");
    }

    @Test
    void anyOfSeveralSuppliedSignersIsEnough() throws IOException {
        VerificationOptions either = key(KEY).withTrustRoot(TRUST_ROOT);
        assertThat(ruleIds(scan(VECTORS.resolve("v1.1.0-sigstore"), either))).isEmpty();
        assertThat(ruleIds(scan(VECTORS.resolve("v1.1.0-elliptic-key"), either))).isEmpty();
    }

    @Test
    void aDeletedSignatureIsReportedWhenASignerIsSupplied() throws IOException {
        Path model = VectorScans.copy(tmp, "v1.1.0-elliptic-key");
        Files.delete(model.resolve("model.sig"));
        ScanReport report = scan(model, key(KEY));
        assertThat(ruleIds(report)).containsExactly("MG-SIG-003");
        assertThat(report.folders().get(0).fact(SignatureFacts.class).orElseThrow().status()).isEqualTo("absent");
        assertThat(ruleIds(scan(model, VerificationOptions.none()))).isEmpty();
    }

    @Test
    void aFolderOfSignedModelsIsNotItselfReportedAsUnsigned() throws Exception {
        var signer = TestPki.ecKey("secp256r1");
        Path keyFile = TestPki.writePem(tmp.resolve("signer.key"), signer.getPrivate());
        Path publicKey = TestPki.writePem(tmp.resolve("signer.pub"), signer.getPublic());
        Path registry = Files.createDirectories(tmp.resolve("registry"));
        for (String name : List.of("first", "second")) {
            Path model = Files.createDirectories(registry.resolve(name));
            Files.writeString(model.resolve("weights.bin"), "weights of " + name);
            ModelSigner.sign(model, keyFile, List.of(), 1);
        }
        assertThat(ruleIds(scan(registry, key(publicKey)))).doesNotContain("MG-SIG-003");

        Files.writeString(registry.resolve("loose-weights.bin"), "a file of the registry folder itself");
        assertThat(ruleIds(scan(registry, key(publicKey)))).contains("MG-SIG-003");
    }
}
