package io.modelgate.verification.signing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelgate.scanner.VerificationOptions;
import io.modelgate.scanner.model.ScanReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;

import static io.modelgate.verification.signing.VectorScans.ruleIds;
import static io.modelgate.verification.signing.VectorScans.scan;
import static io.modelgate.verification.signing.VectorScans.signature;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signatures built at test time for what the reference vectors do not cover: what the reference rejects
 * (media types, per-resource algorithms), single-file signatures, and links.
 */
@SuppressWarnings("unchecked")
class BuiltEdgeCasesTest {

    @TempDir
    Path tmp;
    Path model;
    KeyPair key;
    Path publicKey;

    @BeforeEach
    void model() throws Exception {
        model = Files.createDirectories(tmp.resolve("model"));
        Files.write(model.resolve("weights.bin"), new byte[5000]);
        Files.writeString(model.resolve("config.json"), "{}\n");
        key = TestPki.ecKey("secp384r1");
        publicKey = TestPki.writePem(tmp.resolve("key.pub"), key.getPublic());
    }

    private ScanReport scanWithKey(Path folder) throws IOException {
        return scan(folder, VerificationOptions.none().withPublicKeys(List.of(publicKey)));
    }

    /** Rewrites the bundle's statement with {@code edit} and signs it again with the same key. */
    private void resign(Path bundleFile, UnaryOperator<ObjectNode> edit) throws Exception {
        ObjectNode bundle = (ObjectNode) BundleReader.JSON.readTree(bundleFile.toFile());
        ObjectNode envelope = (ObjectNode) bundle.get("dsseEnvelope");
        ObjectNode statement = (ObjectNode) BundleReader.JSON.readTree(
                Base64.getDecoder().decode(envelope.get("payload").asText()));
        byte[] payload = BundleReader.JSON.writeValueAsBytes(edit.apply(statement));
        envelope.put("payload", Base64.getEncoder().encodeToString(payload));
        byte[] sig = EcdsaSignatures.sign(key.getPrivate(), Dsse.pae(Dsse.IN_TOTO_PAYLOAD_TYPE, payload));
        ((ObjectNode) envelope.get("signatures").get(0)).put("sig", Base64.getEncoder().encodeToString(sig));
        BundleReader.JSON.writeValue(bundleFile.toFile(), bundle);
    }

    private Path sign() throws Exception {
        Path keyFile = TestPki.writePem(tmp.resolve("key.pem"), key.getPrivate());
        return ModelSigner.sign(model, keyFile, 1);
    }

    @Test
    void aKeyBundleUnderAnOlderMediaTypeIsRejectedAsByTheReference() throws Exception {
        Path bundle = sign();
        for (String mediaType : List.of("application/vnd.dev.sigstore.bundle+json;version=0.2",
                "application/vnd.dev.sigstore.bundle+json;version=0.3")) {
            String text = Files.readString(bundle);
            Files.writeString(bundle, text.replaceAll("\"mediaType\":\"[^\"]+\"", "\"mediaType\":\"" + mediaType + "\""));
            ScanReport report = scanWithKey(model);
            assertThat(ruleIds(report)).contains("MG-SIG-001");
            assertThat(report.allFindings().get(0).message()).contains("media type");
        }
    }

    @Test
    void aKeylessBundleOfVersion03UnderTheVersion02MediaTypeIsRejected() throws IOException {
        Path vector = VectorScans.copy(tmp, "v1.1.0-sigstore");
        Path bundle = vector.resolve("model.sig");
        Files.writeString(bundle, Files.readString(bundle).replace("application/vnd.dev.sigstore.bundle.v0.3+json",
                "application/vnd.dev.sigstore.bundle+json;version=0.2"));
        ScanReport report = scan(vector, VerificationOptions.none()
                .withTrustRoot(VectorScans.VECTORS.resolve("sigstore-trusted-root.json")));
        assertThat(ruleIds(report)).containsExactly("MG-SIG-001");
        assertThat(signature(report)).containsEntry("status", "invalid");
        assertThat(report.allFindings().get(0).message()).contains("x509CertificateChain");
    }

    @Test
    void aResourceAlgorithmOtherThanTheHashTypeIsRejected() throws Exception {
        Path bundle = sign();
        resign(bundle, statement -> {
            ((ObjectNode) statement.at("/predicate/resources/0")).put("algorithm", "blake2b");
            return statement;
        });
        ScanReport report = scanWithKey(model);
        assertThat(ruleIds(report)).containsExactly("MG-SIG-002");
        assertThat(report.allFindings().get(0).message()).contains("algorithm 'blake2b'", "'sha256'");
    }

    @Test
    void aSignatureOverASingleFileVerifiesWhenItsFolderIsScanned() throws Exception {
        Files.delete(model.resolve("config.json"));
        Path bundle = sign();
        resign(bundle, statement -> {
            ((ObjectNode) statement.at("/subject/0")).put("name", "weights.bin");
            ((ObjectNode) statement.at("/predicate/resources/0")).put("name", ".");
            return statement;
        });
        ScanReport report = scanWithKey(model);
        assertThat(ruleIds(report)).isEmpty();
        assertThat(signature(report).get("checked").toString()).contains("single file weights.bin");

        Files.writeString(model.resolve("extra.txt"), "not signed");
        Files.write(model.resolve("weights.bin"), new byte[5001]);
        ScanReport tampered = scanWithKey(model);
        assertThat(tampered.allFindings()).extracting(f -> f.location().path().toString())
                .anyMatch(p -> p.endsWith("weights.bin")).anyMatch(p -> p.endsWith("extra.txt"));
        assertThat(ruleIds(tampered)).containsOnly("MG-SIG-002");
    }

    @Test
    void aLinkLeavingTheFolderOfAModelSignedWithLinksAllowedGetsATrueMessage() throws Exception {
        Path outside = Files.write(tmp.resolve("outside.bin"), new byte[]{1, 2, 3});
        Path bundle = sign();
        Files.createSymbolicLink(model.resolve("linked.bin"), outside);
        resign(bundle, statement -> {
            ((ObjectNode) statement.at("/predicate/serialization")).put("allow_symlinks", true);
            ((com.fasterxml.jackson.databind.node.ArrayNode) statement.at("/predicate/resources")).addObject()
                    .put("name", "linked.bin").put("algorithm", "sha256")
                    .put("digest", io.modelgate.scanner.digest.Sha256.ofBytes(new byte[]{1, 2, 3}));
            ((ObjectNode) statement.at("/subject/0/digest")).put("sha256", rootDigest(statement));
            return statement;
        });
        ScanReport report = scanWithKey(model);
        assertThat(ruleIds(report)).doesNotContain("MG-SIG-001", "MG-SIG-002");
        assertThat(signature(report).get("checked").toString()).contains("leads outside the model folder");
        assertThat(signature(report).toString()).doesNotContain("without allow_symlinks");

        Files.write(outside, new byte[]{9});
        assertThat(ruleIds(scanWithKey(model))).contains("MG-SIG-002");
    }

    @Test
    void aLinkInAModelSignedWithoutLinksIsReportedWithItsTarget() throws Exception {
        sign();
        Files.createSymbolicLink(model.resolve("linked.bin"), model.resolve("weights.bin"));
        ScanReport report = scanWithKey(model);
        assertThat(report.allFindings()).anyMatch(f -> f.ruleId().equals("MG-SIG-002")
                && f.message().contains("without allow_symlinks"));
    }

    private static String rootDigest(ObjectNode statement) {
        java.security.MessageDigest sha = io.modelgate.scanner.digest.Sha256.newDigest();
        statement.at("/predicate/resources").forEach(r ->
                sha.update(java.util.HexFormat.of().parseHex(r.get("digest").asText())));
        return java.util.HexFormat.of().formatHex(sha.digest());
    }
}
