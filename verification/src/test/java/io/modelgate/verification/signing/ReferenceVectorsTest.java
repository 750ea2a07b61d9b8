package io.modelgate.verification.signing;

import io.modelgate.scanner.VerificationOptions;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.ScanReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.modelgate.verification.signing.VectorScans.findings;
import static io.modelgate.verification.signing.VectorScans.scan;
import static io.modelgate.verification.signing.VectorScans.signature;
import static org.assertj.core.api.Assertions.assertThat;

/** Signatures made by the reference model_signing implementation (fixtures/signing/model-transparency). */
class ReferenceVectorsTest {

    private static final Path VECTORS = VectorScans.VECTORS;
    private static final Path KEY = VECTORS.resolve("signing-key-pub.pem");
    private static final Path CA = VECTORS.resolve("intermediate-ca.pem");

    @TempDir
    Path tmp;

    private Path copy(String name) throws IOException {
        return VectorScans.copy(tmp, name);
    }

    @Test
    void keyHintIsTheSha256OfTheCanonicalPem() throws IOException {
        assertThat(EcdsaSignatures.fingerprint(PemFiles.publicKey(KEY)))
                .isEqualTo("e8450dec4eb99dae995da9af1bc2cc9f76ed669ee2e744f57abba763df3e3f8e");
    }

    @Test
    void referenceKeySignatureVerifies() throws IOException {
        ScanReport report = scan(VECTORS.resolve("v1.1.0-elliptic-key"),
                VerificationOptions.none().withPublicKeys(List.of(KEY)));
        assertThat(findings(report)).isEmpty();
        assertThat(signature(report)).containsEntry("status", "valid").containsEntry("method", "key");
        assertThat(signature(report).get("signer").toString()).contains("ECDSA P-384");
    }

    @Test
    void referenceCertificateSignatureVerifiesToItsCa() throws IOException {
        ScanReport report = scan(VECTORS.resolve("v1.1.0-certificate"),
                VerificationOptions.none().withCaCertificates(List.of(CA)));
        assertThat(findings(report)).isEmpty();
        assertThat(signature(report)).containsEntry("status", "valid").containsEntry("method", "certificate");
    }

    @Test
    void referenceCertificateWithoutCaIsUnverifiable() throws IOException {
        ScanReport report = scan(VECTORS.resolve("v1.1.0-certificate"), VerificationOptions.none());
        assertThat(findings(report)).extracting(Finding::ruleId).containsExactly("MG-SIG-005");
    }

    @Test
    void version02SignatureVerifiesWithItsOwnEncodingAndStatement() throws IOException {
        ScanReport report = scan(VECTORS.resolve("v0.2.0-certificate"),
                VerificationOptions.none().withCaCertificates(List.of(VECTORS.resolve("root-ca.pem"))));
        assertThat(findings(report)).isEmpty();
        assertThat(signature(report).get("checked").toString())
                .contains("model_signing 0.2 encoding (SHA256withECDSA)", "statement of model_signing 0.2, 2 files");
    }

    @Test
    void singleFileSignatureVerifiesOverTheFileItNames() throws IOException {
        for (String vector : List.of("v0.3.1-elliptic-key", "v1.0.0-elliptic-key")) {
            ScanReport report = scan(VECTORS.resolve(vector), VerificationOptions.none().withPublicKeys(List.of(KEY)));
            assertThat(findings(report)).isEmpty();
            assertThat(signature(report).get("checked").toString()).contains("single file signme-1");
        }
    }

    @Test
    void tamperedReferenceModelIsCaught() throws IOException {
        Path model = copy("v1.1.0-elliptic-key");
        Files.writeString(model.resolve("signme-2"), "signme-3");
        Files.writeString(model.resolve("ignore-me"), "left out by the signer");
        ScanReport report = scan(model, VerificationOptions.none().withPublicKeys(List.of(KEY)));
        assertThat(findings(report)).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("MG-SIG-002");
            assertThat(f.location().path().toString()).endsWith("signme-2");
        });
    }

    @Test
    void referenceSignatureWithTheWrongKeyIsInvalid() throws Exception {
        Path other = TestPki.writePem(tmp.resolve("other.pub"), TestPki.ecKey("secp384r1").getPublic());
        ScanReport report = scan(VECTORS.resolve("v1.1.0-elliptic-key"),
                VerificationOptions.none().withPublicKeys(List.of(other)));
        assertThat(findings(report)).extracting(Finding::ruleId).containsExactly("MG-SIG-001");
    }
}
