package io.modelgate.scanner.signing;

import io.modelgate.scanner.Limits;
import io.modelgate.scanner.Scanner;
import io.modelgate.scanner.VerificationOptions;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.ScanReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real keyless signature: {@code v1.1.0-sigstore} was signed by the reference model_signing tool with a
 * Fulcio certificate and logged in the public Rekor; {@code sigstore-trusted-root.json} is the public-good
 * trust root (fixtures/signing/model-transparency/NOTICE.md). Everything is verified offline.
 */
@SuppressWarnings("unchecked")
class KeylessReferenceTest {

    private static final Path VECTORS = Path.of("..", "fixtures", "signing", "model-transparency");
    private static final Path TRUST_ROOT = VECTORS.resolve("sigstore-trusted-root.json");

    @TempDir
    Path tmp;

    private static ScanReport scan(Path folder, VerificationOptions options) throws IOException {
        return new Scanner(Limits.defaults(), 2, Clock.systemUTC(), options).scan(List.of(folder));
    }

    private static List<String> ruleIds(ScanReport report) {
        return report.files().stream().flatMap(f -> f.findings().stream()).map(Finding::ruleId).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> signature(ScanReport report) {
        Map<String, Object> fact = (Map<String, Object>) report.folders().get(0).facts().get("signature");
        return ((List<Map<String, Object>>) fact.get("signatures")).get(0);
    }

    private Path copy() throws IOException {
        Path target = Files.createDirectories(tmp.resolve("v1.1.0-sigstore"));
        try (var files = Files.list(VECTORS.resolve("v1.1.0-sigstore"))) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return target;
    }

    private static VerificationOptions withTrustRoot() {
        return VerificationOptions.none().withTrustRoot(TRUST_ROOT);
    }

    /** Rewrites the copied bundle, replacing {@code from} (which must occur) by {@code to}. */
    private static void editBundle(Path folder, String from, String to) throws IOException {
        Path bundle = folder.resolve("model.sig");
        String text = Files.readString(bundle);
        assertThat(text).contains(from);
        Files.writeString(bundle, text.replace(from, to));
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
        assertThat(signature(report)).containsEntry("status", "unverifiable");
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
        Path model = copy();
        var key = TestPki.ecKey("secp256r1");
        var other = TestPki.certificate("someone", key, "sigstore-intermediate", key, false);
        String original = BundleReader.JSON.readTree(Files.readString(model.resolve("model.sig")))
                .path("verificationMaterial").path("certificate").path("rawBytes").asText();
        editBundle(model, original, java.util.Base64.getEncoder().encodeToString(other.getEncoded()));
        ScanReport report = scan(model, withTrustRoot());
        assertThat(ruleIds(report)).contains("MG-SIG-001");
        assertThat(signature(report)).containsEntry("status", "invalid");
    }

    @Test
    void anAlteredSignedEntryTimestampIsRejected() throws IOException {
        Path model = copy();
        editBundle(model, "\"signedEntryTimestamp\":\"MEQCIErVIgUO5", "\"signedEntryTimestamp\":\"MEQCIErVIgUO6");
        ScanReport report = scan(model, withTrustRoot());
        assertThat(ruleIds(report)).contains("MG-SIG-001");
        assertThat(signature(report)).containsEntry("status", "invalid");
    }

    @Test
    void aChangedIntegrationTimeBreaksTheSignedEntryTimestamp() throws IOException {
        Path model = copy();
        editBundle(model, "\"integratedTime\":\"1760062340\"", "\"integratedTime\":\"1760062400\"");
        ScanReport report = scan(model, withTrustRoot());
        assertThat(ruleIds(report)).contains("MG-SIG-001");
        assertThat(signature(report)).containsEntry("status", "invalid");
    }

    @Test
    void aTrustRootOfAnotherInstanceLeavesTheSignatureUnverifiable() throws Exception {
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
        assertThat(signature(report)).containsEntry("status", "unverifiable");
        assertThat((List<String>) signature(report).get("notVerified"))
                .anyMatch(n -> n.contains("no transparency-log entry from a log of the trust root"))
                .anyMatch(n -> n.contains("does not chain to a CA of the trust root"));
    }
}
