package io.modelgate.verification.signing;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelgate.scanner.VerificationOptions;
import io.modelgate.scanner.model.ScanReport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static io.modelgate.verification.signing.VectorScans.ruleIds;
import static io.modelgate.verification.signing.VectorScans.scan;
import static io.modelgate.verification.signing.VectorScans.signature;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Folders signed by the reference model_signing v1.1.1 itself (fixtures/signing/model-signing-interop, made
 * by its generate.py): ModelGate verifies every signature, and signing the same folder with the same options
 * gives the reference's subject digest and resources, in its order.
 */
class ModelSigningInteropTest {

    private static final Path ROOT = Path.of("..", "fixtures", "signing", "model-signing-interop");
    private static final Path SIGNED = ROOT.resolve("signed");

    @TempDir
    Path tmp;

    @BeforeAll
    static void namesAreUtf8() {
        Assumptions.assumeTrue("UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")),
                "the cases hold non-ASCII file names; the JVM needs a UTF-8 locale to read them");
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(SIGNED.resolve("expected"))) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json")).map(n -> n.substring(0, n.length() - 5)).sorted().toList();
            assertThat(names).hasSize(6);
            return names.stream();
        }
    }

    private static JsonNode expected(String name) throws IOException {
        return BundleReader.JSON.readTree(SIGNED.resolve("expected").resolve(name + ".json").toFile());
    }

    private static final Path PKI = ROOT.resolve("pki");

    private static String key(String name) throws IOException {
        return BundleReader.JSON.readTree(SIGNED.resolve("keys.json").toFile()).get(name).asText();
    }

    private static boolean certificate(String name) throws IOException {
        return key(name).equals("certificate");
    }

    /** The material the case verifies with: its public key, or the root CA of the certificate case. */
    private static VerificationOptions material(String name) throws IOException {
        return certificate(name) ? VerificationOptions.none().withCaCertificates(List.of(PKI.resolve("root-ca.pem")))
                : VerificationOptions.none().withPublicKeys(List.of(ROOT.resolve("keys").resolve(key(name) + ".pub")));
    }

    /** Signs as the reference signed the case: with its key, or with the signing certificate and its chain. */
    private static Path sign(String name, Path folder, ModelSigner.Serialization how) throws Exception {
        if (certificate(name)) {
            return ModelSigner.sign(folder, PKI.resolve("signing-key.pem"),
                    List.of(PKI.resolve("signing-cert.pem"), PKI.resolve("intermediate-ca.pem")), how, 2);
        }
        return ModelSigner.sign(folder, ROOT.resolve("keys").resolve(key(name) + ".pem"), List.of(), how, 2);
    }

    /** A copy of the case with its links kept as links, plus git metadata (always ignored). */
    private Path copy(String name) throws IOException {
        Path source = SIGNED.resolve(name);
        Path target = tmp.resolve(name);
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(source)) {
            paths = walk.toList();
        }
        for (Path path : paths) {
            Path to = target.resolve(source.relativize(path).toString());
            if (Files.isSymbolicLink(path)) {
                Files.createSymbolicLink(to, Files.readSymbolicLink(path));
            } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(to);
            } else {
                Files.copy(path, to);
            }
        }
        Files.createDirectories(target.resolve(".git"));
        Files.writeString(target.resolve(".git").resolve("config"), "[core]\n");
        return target;
    }

    private static JsonNode statement(Path bundle) throws IOException {
        JsonNode root = BundleReader.JSON.readTree(bundle.toFile());
        return BundleReader.JSON.readTree(Base64.getDecoder().decode(root.at("/dsseEnvelope/payload").asText()));
    }

    /** The reference's options for the case, as ModelGate's serialisation. */
    private static ModelSigner.Serialization serialization(JsonNode options) {
        String hash = options.path("hash").asText("sha256").equals("blake2") ? "blake2b" : "sha256";
        List<String> ignored = new ArrayList<>();
        options.path("ignore").forEach(p -> ignored.add(p.asText()));
        boolean shards = options.has("shard_size");
        return new ModelSigner.Serialization(shards ? "shards" : "files", hash,
                shards ? options.get("shard_size").asLong() : 0, options.path("allow_symlinks").asBoolean(false),
                ignored);
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new HashSet<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theReferenceSignatureVerifies(String name) throws IOException {
        Path folder = copy(name);
        ScanReport report = scan(folder, material(name));
        // MG-GEN-003 notes each link of the symlinks case; nothing else may be found.
        assertThat(ruleIds(report)).allMatch("MG-GEN-003"::equals);
        assertThat(signature(report)).containsEntry("status", "valid")
                .containsEntry("method", certificate(name) ? "certificate" : "key")
                .containsEntry("subjectDigest", "sha256:" + expected(name).at("/subject/digest/sha256").asText());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void signWritesWhatTheReferenceWrote(String name) throws Exception {
        JsonNode expected = expected(name);
        Path folder = copy(name);
        Files.delete(folder.resolve("model.sig"));
        Path bundle = sign(name, folder, serialization(expected.get("options")));
        JsonNode statement = statement(bundle);

        assertThat(statement.at("/subject/0/digest/sha256").asText())
                .isEqualTo(expected.at("/subject/digest/sha256").asText());
        assertThat(statement.at("/predicate/resources")).isEqualTo(expected.get("resources"));
        JsonNode ours = statement.at("/predicate/serialization");
        JsonNode theirs = expected.get("serialization");
        for (String field : List.of("method", "hash_type", "allow_symlinks")) {
            assertThat(ours.get(field)).as(field).isEqualTo(theirs.get(field));
        }
        assertThat(ours.path("shard_size").asDouble()).isEqualTo(theirs.path("shard_size").asDouble());
        assertThat(texts(ours.get("ignore_paths"))).isEqualTo(texts(theirs.get("ignore_paths")));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aChangedSignedFileBreaksTheReferenceSignature(String name) throws IOException {
        Path folder = copy(name);
        String resource = expected(name).at("/resources/0/name").asText();
        Path file = folder.resolve(resource.contains(":") ? resource.substring(0, resource.indexOf(':')) : resource);
        Files.write(file.toRealPath(), "!".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        ScanReport report = scan(folder, material(name));
        assertThat(ruleIds(report)).contains("MG-SIG-002");
        assertThat(signature(report)).containsEntry("status", "invalid");
    }
}
