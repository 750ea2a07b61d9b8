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
 * A real keyless signature: {@code v1.1.0-sigstore} was signed by the reference model_signing tool with a
 * Fulcio certificate and logged in the public Rekor; {@code sigstore-trusted-root.json} is the public-good
 * trust root (fixtures/signing/model-transparency/NOTICE.md). Everything is verified offline.
 */
@SuppressWarnings("unchecked")
class KeylessReferenceTest {

    private static final Path VECTORS = VectorScans.VECTORS;
    private static final Path TRUST_ROOT = VECTORS.resolve("sigstore-trusted-root.json");

    @TempDir
    Path tmp;

    private Path copy() throws IOException {
        return VectorScans.copy(tmp, "v1.1.0-sigstore");
    }

    private static VerificationOptions withTrustRoot() {
        return VerificationOptions.none().withTrustRoot(TRUST_ROOT);
    }

    /** Rewrites a copy of the bundle, replacing {@code from} (which must occur) by {@code to}: must be invalid. */
    private void assertInvalidAfterEdit(String from, String to) throws IOException {
        Path model = copy();
        Path bundle = model.resolve("model.sig");
        String text = Files.readString(bundle);
        assertThat(text).contains(from);
        Files.writeString(bundle, text.replace(from, to));
        ScanReport report = scan(model, withTrustRoot());
        assertThat(ruleIds(report)).contains("MG-SIG-001");
        assertThat(signature(report)).containsEntry("status", "invalid");
    }

    @Test
    void realKeylessSignatureVerifiesOfflineAgainstThePublicGoodTrustRoot() throws IOException {
        ScanReport report = scan(VECTORS.resolve("v1.1.0-sigstore"), withTrustRoot());
        assertThat(ruleIds(report)).isEmpty();
        Map<String, Object> signature = signature(report);
        assertThat(signature).containsEntry("status", "valid").containsEntry("method", "keyless");
        assertThat(signature.get("signer").toString())
                .contains("stefanb@us.ibm.com", "oidcIssuer=https://sigstore.verify.ibm.com/oauth2",
                        "CN=sigstore-intermediate", "ECDSA P-256");
        assertThat((List<String>) signature.get("checked"))
                .anyMatch(c -> c.startsWith("transparency-log signed entry timestamp") && c.contains("598151086"))
                .anyMatch(c -> c.startsWith("certificate chain to a Fulcio CA") && c.contains("2025-10-10T02:12:20Z"))
                .anyMatch(c -> c.startsWith("the log entry records this envelope"))
                .anyMatch(c -> c.startsWith("DSSE signature"))
                .anyMatch(c -> c.startsWith("all 2 signed files resources match"));
        assertThat((List<String>) signature.get("notVerified"))
                .anyMatch(n -> n.contains("inclusion proof"))
                .anyMatch(n -> n.contains("certificate transparency"))
                .anyMatch(n -> n.contains("revocation"))
                .anyMatch(n -> n.contains("identity policy"))
                .noneMatch(n -> n.contains("log entry's body"));
    }

    @Test
    void withoutTrustRootTheKeylessSignatureIsUnverifiable() throws IOException {
        ScanReport report = scan(VECTORS.resolve("v1.1.0-sigstore"), VerificationOptions.none());
        assertThat(ruleIds(report)).containsExactly("MG-SIG-005");
        assertThat(signature(report)).containsEntry("status", "unverified");
    }

    @Test
    void oneChangedByteOfASignedFileIsCaught() throws IOException {
        Path model = copy();
        byte[] content = Files.readAllBytes(model.resolve("signme-1"));
        content[0] ^= 1;
        Files.write(model.resolve("signme-1"), content);
        ScanReport report = scan(model, withTrustRoot());
        assertThat(ruleIds(report)).containsExactly("MG-SIG-002");
        assertThat(signature(report)).containsEntry("status", "invalid");
    }

    @Test
    void addedAndRemovedFilesAreCaught() throws IOException {
        Path model = copy();
        Files.delete(model.resolve("signme-2"));
        Files.writeString(model.resolve("extra"), "not signed");
        ScanReport report = scan(model, withTrustRoot());
        assertThat(ruleIds(report)).containsExactlyInAnyOrder("MG-SIG-002", "MG-SIG-002");
        assertThat(signature(report)).containsEntry("status", "invalid");
    }

    @Test
    void aSwappedCertificateIsRejected() throws Exception {
        var key = TestPki.ecKey("secp256r1");
        var other = TestPki.certificate("someone", key, "sigstore-intermediate", key, false);
        String original = BundleReader.JSON.readTree(Files.readString(VECTORS.resolve("v1.1.0-sigstore/model.sig")))
                .path("verificationMaterial").path("certificate").path("rawBytes").asText();
        assertInvalidAfterEdit(original, java.util.Base64.getEncoder().encodeToString(other.getEncoded()));
    }

    @Test
    void anAlteredSignedEntryTimestampIsRejected() throws IOException {
        assertInvalidAfterEdit("\"signedEntryTimestamp\":\"MEQCIErVIgUO5", "\"signedEntryTimestamp\":\"MEQCIErVIgUO6");
    }

    @Test
    void aChangedIntegrationTimeBreaksTheSignedEntryTimestamp() throws IOException {
        assertInvalidAfterEdit("\"integratedTime\":\"1760062340\"", "\"integratedTime\":\"1760062400\"");
    }

    @Test
    void aTrustRootOfAnotherInstanceLeavesTheSignerUntrusted() throws Exception {
        var caKey = TestPki.ecKey("secp384r1");
        var ca = TestPki.certificate("other-fulcio", caKey, "other-fulcio", caKey, true);
        var logKey = TestPki.ecKey("secp256r1");
        String root = """
                {"mediaType": "application/vnd.dev.sigstore.trustedroot+json;version=0.1",
                 "tlogs": [{"publicKey": {"rawBytes": "%s"}, "logId": {"keyId": "%s"}}],
                 "certificateAuthorities": [{"certChain": {"certificates": [{"rawBytes": "%s"}]}}]}
                """.formatted(java.util.Base64.getEncoder().encodeToString(logKey.getPublic().getEncoded()),
                java.util.Base64.getEncoder().encodeToString(new byte[32]),
                java.util.Base64.getEncoder().encodeToString(ca.getEncoded()));
        Path otherRoot = Files.writeString(tmp.resolve("other-root.json"), root);
        ScanReport report = scan(VECTORS.resolve("v1.1.0-sigstore"), VerificationOptions.none().withTrustRoot(otherRoot));
        assertThat(ruleIds(report)).contains("MG-SIG-003").doesNotContain("MG-SIG-001", "MG-SIG-002");
        assertThat(signature(report)).containsEntry("status", "untrusted");
        assertThat((List<String>) signature(report).get("notVerified"))
                .anyMatch(n -> n.contains("no transparency-log entry from a log of the given trust root"))
                .anyMatch(n -> n.contains("does not chain to a CA of the trust root"));
    }
}
