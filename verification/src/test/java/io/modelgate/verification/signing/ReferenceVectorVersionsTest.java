package io.modelgate.verification.signing;

import io.modelgate.scanner.VerificationOptions;
import io.modelgate.scanner.model.ScanReport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.modelgate.verification.signing.VectorScans.ruleIds;
import static io.modelgate.verification.signing.VectorScans.scan;
import static io.modelgate.verification.signing.VectorScans.signature;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every signed test folder of the reference project, v0.2.0 to v1.1.0 (fixtures/signing/model-transparency),
 * verified as the reference's own test scripts verify it: key vectors with the project's public key,
 * certificate vectors with its root CA, keyless vectors with the public-good trust root, and
 * {@code --ignore-paths ignore-me} where the scripts pass it. Each must verify; each tampering must not.
 */
class ReferenceVectorVersionsTest {

    private static final Path VECTORS = VectorScans.VECTORS;
    private static final Path KEY = VECTORS.resolve("signing-key-pub.pem");
    private static final Path ROOT_CA = VECTORS.resolve("root-ca.pem");
    private static final Path TRUST_ROOT = VECTORS.resolve("sigstore-trusted-root.json");

    @TempDir
    Path tmp;

    static Stream<String> vectors() throws IOException {
        try (Stream<Path> folders = Files.list(VECTORS)) {
            return folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    /** The material the reference test script for this vector passes. */
    static VerificationOptions material(String vector, Path folder) {
        VerificationOptions options = VerificationOptions.none();
        if (vector.endsWith("-elliptic-key")) {
            options = options.withPublicKeys(List.of(KEY));
        } else if (vector.endsWith("-certificate")) {
            options = options.withCaCertificates(List.of(ROOT_CA));
        } else {
            options = options.withTrustRoot(TRUST_ROOT);
        }
        if (Files.exists(folder.resolve("ignore-me"))) {
            options = options.withIgnorePaths(List.of(folder.resolve("ignore-me")));
        }
        return options;
    }

    private static String method(String vector) {
        return vector.endsWith("-elliptic-key") ? "key" : vector.endsWith("-certificate") ? "certificate" : "keyless";
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void everyReferenceSignatureVerifies(String vector) throws IOException {
        Path folder = VECTORS.resolve(vector);
        ScanReport report = scan(folder, material(vector, folder));
        assertThat(ruleIds(report)).isEmpty();
        Map<String, Object> signature = signature(report);
        assertThat(signature).containsEntry("status", "valid").containsEntry("method", method(vector));
        assertThat(signature).containsKey("verifiedWith");
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void aChangedSignedFileIsCaught(String vector) throws IOException {
        Path folder = VectorScans.copy(tmp, vector);
        Files.write(folder.resolve("signme-1"), "tampered".getBytes(StandardCharsets.UTF_8));
        ScanReport report = scan(folder, material(vector, folder));
        assertThat(ruleIds(report)).containsExactly("MG-SIG-002");
        assertThat(signature(report)).containsEntry("status", "invalid");
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void anAddedFileIsCaught(String vector) throws IOException {
        Path folder = VectorScans.copy(tmp, vector);
        Files.writeString(folder.resolve("extra.bin"), "added after signing");
        assertThat(ruleIds(scan(folder, material(vector, folder)))).containsExactly("MG-SIG-002");
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void anAlteredStatementIsCaught(String vector) throws IOException {
        Path folder = VectorScans.copy(tmp, vector);
        Path bundle = folder.resolve("model.sig");
        String text = Files.readString(bundle);
        String payload = text.replaceAll("(?s).*\"payload\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        String statement = new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8);
        String altered = statement.replaceFirst("[0-9a-f]{64}", "0".repeat(64));
        assertThat(altered).isNotEqualTo(statement);
        Files.writeString(bundle, text.replace(payload,
                Base64.getEncoder().encodeToString(altered.getBytes(StandardCharsets.UTF_8))));
        ScanReport report = scan(folder, material(vector, folder));
        assertThat(ruleIds(report)).contains("MG-SIG-001");
        assertThat(signature(report)).containsEntry("status", "invalid");
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void withoutIgnorePathsAnUnsignedFileIsReported(String vector) throws IOException {
        Path folder = VECTORS.resolve(vector);
        VerificationOptions options = material(vector, folder).withIgnorePaths(List.of());
        // From v1.1.0 on, the signature records the ignored paths itself.
        boolean recorded = vector.startsWith("v1.1.0");
        if (Files.exists(folder.resolve("ignore-me")) && !recorded) {
            assertThat(ruleIds(scan(folder, options))).containsExactly("MG-SIG-002");
        } else {
            assertThat(ruleIds(scan(folder, options))).isEmpty();
        }
    }
}
