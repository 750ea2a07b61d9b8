package io.modelgate.verification.signing;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelgate.scanner.VerificationOptions;
import io.modelgate.scanner.digest.Sha256;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static io.modelgate.verification.signing.VectorScans.ruleIds;
import static io.modelgate.verification.signing.VectorScans.scan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What {@code sign} writes, checked against the model_signing format computed by hand from its spec. */
class SignerCanonicalFormTest {

    @TempDir
    Path tmp;
    Path model;
    KeyPair key;
    Path privateKey;
    Path publicKey;

    @BeforeEach
    void keys() throws Exception {
        model = Files.createDirectories(tmp.resolve("model"));
        key = TestPki.ecKey("secp256r1");
        privateKey = TestPki.writePem(tmp.resolve("key.pem"), key.getPrivate());
        publicKey = TestPki.writePem(tmp.resolve("key.pub"), key.getPublic());
    }

    private JsonNode statement(Path bundle) throws IOException {
        JsonNode root = BundleReader.JSON.readTree(bundle.toFile());
        return BundleReader.JSON.readTree(Base64.getDecoder().decode(root.at("/dsseEnvelope/payload").asText()));
    }

    private static List<String> names(JsonNode statement) {
        List<String> names = new ArrayList<>();
        statement.at("/predicate/resources").forEach(r -> names.add(r.get("name").asText()));
        return names;
    }

    private VerificationOptions withKey() {
        return VerificationOptions.none().withPublicKeys(List.of(publicKey));
    }

    @Test
    void resourcesAreInPathSegmentOrderAndTheSubjectDigestIsTheSpecs() throws Exception {
        Files.createDirectories(model.resolve("d"));
        Files.writeString(model.resolve("d/x"), "x");
        Files.writeString(model.resolve("d-1"), "one");
        Files.writeString(model.resolve("d.txt"), "text");
        JsonNode statement = statement(ModelSigner.sign(model, privateKey, 1));

        // model_signing sorts paths by segments: ("d", "x") < ("d-1",) < ("d.txt",), unlike plain strings.
        assertThat(names(statement)).containsExactly("d/x", "d-1", "d.txt");
        MessageDigest root = Sha256.newDigest();
        for (String content : List.of("x", "one", "text")) {
            root.update(HexFormat.of().parseHex(Sha256.ofBytes(content.getBytes(StandardCharsets.UTF_8))));
        }
        assertThat(statement.at("/subject/0/digest/sha256").asText()).isEqualTo(HexFormat.of().formatHex(root.digest()));
        assertThat(ruleIds(scan(model, withKey()))).isEmpty();
    }

    @Test
    void codePointOrderAsPythonComparesStrings() {
        ResourceOrder order = new ResourceOrder(false);
        List<String> names = new ArrayList<>(List.of("\uD83D\uDE00", "\uFF01", "z", "a b", "a/b/c", "a/b"));
        names.sort(order);
        assertThat(names).containsExactly("a/b", "a/b/c", "a b", "z", "\uFF01", "\uD83D\uDE00");
        List<String> shards = new ArrayList<>(List.of("w:10:20", "w:2:10", "w:0:2", "v:0:5"));
        shards.sort(new ResourceOrder(true));
        assertThat(shards).containsExactly("v:0:5", "w:0:2", "w:2:10", "w:10:20");
    }

    @Test
    void onlyNistCurvesAreAccepted() throws Exception {
        Files.writeString(model.resolve("w.bin"), "w");
        for (String curve : List.of("secp256k1", "brainpoolP256r1", "brainpoolP384r1")) {
            Path other = TestPki.writePem(tmp.resolve(curve + ".pem"), TestPki.ecKey(curve).getPrivate());
            assertThatThrownBy(() -> ModelSigner.sign(model, other, 1))
                    .hasMessageContaining("only NIST P-256, P-384 and P-521");
        }
        for (String curve : List.of("secp384r1", "secp521r1")) {
            KeyPair pair = TestPki.ecKey(curve);
            ModelSigner.sign(model, TestPki.writePem(tmp.resolve(curve + ".pem"), pair.getPrivate()), 1);
            Path pub = TestPki.writePem(tmp.resolve(curve + ".pub"), pair.getPublic());
            assertThat(ruleIds(scan(model, VerificationOptions.none().withPublicKeys(List.of(pub))))).isEmpty();
        }
    }

    @Test
    void aSignatureByASecp256k1KeyIsNotMistakenForP256() throws Exception {
        Files.writeString(model.resolve("w.bin"), "w");
        ModelSigner.sign(model, privateKey, 1);
        KeyPair k1 = TestPki.ecKey("secp256k1");
        Path k1Public = TestPki.writePem(tmp.resolve("k1.pub"), k1.getPublic());
        assertThat(ruleIds(scan(model, VerificationOptions.none().withPublicKeys(List.of(k1Public)))))
                .containsExactly("MG-SIG-001");
    }

    @Test
    void specialFilesAreAnErrorAsInTheReference() throws Exception {
        Files.writeString(model.resolve("w.bin"), "w");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", model.resolve("pipe").toString()).start();
        } catch (IOException e) {
            Assumptions.abort("mkfifo is not available");
            return;
        }
        Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
        assertThatThrownBy(() -> ModelSigner.sign(model, privateKey, 1))
                .hasMessageContaining("pipe").hasMessageContaining("special file");
    }

    @Test
    void ignoredPathsAreLeftOutAndRecorded() throws Exception {
        Files.writeString(model.resolve("w.bin"), "w");
        Files.createDirectories(model.resolve("cache"));
        Files.writeString(model.resolve("cache/tmp"), "scratch");
        var serialization = new ModelSigner.Serialization("files", "sha256", 0, false, List.of("cache"));
        JsonNode statement = statement(ModelSigner.sign(model, privateKey, List.of(), serialization, 1));
        assertThat(names(statement)).containsExactly("w.bin");
        assertThat(statement.at("/predicate/serialization/ignore_paths").toString()).contains("\"cache\"", "model.sig");
        Files.writeString(model.resolve("cache/tmp"), "changed, but ignored");
        assertThat(ruleIds(scan(model, withKey()))).isEmpty();
    }

    @Test
    void shardsAndOtherHashesRoundTrip() throws Exception {
        byte[] weights = new byte[2500];
        weights[7] = 7;
        Files.write(model.resolve("w.bin"), weights);
        Files.writeString(model.resolve("empty"), "");
        var shards = new ModelSigner.Serialization("shards", "blake2b", 1000, false, List.of());
        JsonNode statement = statement(ModelSigner.sign(model, privateKey, List.of(), shards, 1));
        assertThat(names(statement)).containsExactly("w.bin:0:1000", "w.bin:1000:2000", "w.bin:2000:2500");
        assertThat(statement.at("/predicate/resources/0/algorithm").asText()).isEqualTo("blake2b-sharded-1000");
        assertThat(statement.at("/predicate/serialization/shard_size").asLong()).isEqualTo(1000);
        assertThat(ruleIds(scan(model, withKey()))).isEmpty();

        var blake3 = new ModelSigner.Serialization("files", "blake3", 0, false, List.of());
        ModelSigner.sign(model, privateKey, List.of(), blake3, 1);
        assertThat(ruleIds(scan(model, withKey()))).isEmpty();
        weights[2400] = 1;
        Files.write(model.resolve("w.bin"), weights);
        assertThat(ruleIds(scan(model, withKey()))).containsExactly("MG-SIG-002");
        assertThatThrownBy(() -> new ModelSigner.Serialization("shards", "blake3", 1000, false, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void linksAreRefusedUnlessAllowedThenTheirTargetIsSigned() throws Exception {
        Files.writeString(model.resolve("w.bin"), "w");
        Files.createSymbolicLink(model.resolve("alias.bin"), Path.of("w.bin"));
        assertThatThrownBy(() -> ModelSigner.sign(model, privateKey, 1))
                .hasMessageContaining("alias.bin").hasMessageContaining("--allow-symlinks");
        var links = new ModelSigner.Serialization("files", "sha256", 0, true, List.of());
        JsonNode statement = statement(ModelSigner.sign(model, privateKey, List.of(), links, 1));
        assertThat(names(statement)).containsExactly("alias.bin", "w.bin");
        assertThat(statement.at("/predicate/serialization/allow_symlinks").asBoolean()).isTrue();
        assertThat(ruleIds(scan(model, withKey()))).doesNotContain("MG-SIG-001", "MG-SIG-002");
    }
}
