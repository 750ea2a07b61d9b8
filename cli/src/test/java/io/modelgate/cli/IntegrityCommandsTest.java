package io.modelgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

import static org.assertj.core.api.Assertions.assertThat;

class IntegrityCommandsTest {

    @TempDir
    Path dir;
    Path model;

    @BeforeEach
    void model() throws IOException {
        model = Files.createDirectory(dir.resolve("model"));
        Files.writeString(model.resolve("config.json"), "{}\n");
        Files.write(model.resolve("weights.bin"), new byte[4096]);
    }

    @Test
    void lockThenScanWithTheLockPassesAndATamperedFileFails() throws IOException {
        Path lock = dir.resolve("approved.lock");
        CliRun locked = CliRun.of("lock", "-o", lock.toString(), model.toString());
        assertThat(locked.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(locked.out()).contains("2 files");
        assertThat(CliRun.of("scan", "--lock", lock.toString(), model.toString()).exitCode()).isEqualTo(ExitCodes.OK);

        Files.write(model.resolve("weights.bin"), new byte[]{1}, java.nio.file.StandardOpenOption.APPEND);
        CliRun run = CliRun.of("scan", "--format", "json", "--lock", lock.toString(), model.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).contains("MG-INT-001");
    }

    @Test
    void signThenScanWithThePublicKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair key = generator.generateKeyPair();
        Path privateKey = Files.writeString(dir.resolve("key.pem"), pem(key.getPrivate()));
        Path publicKey = Files.writeString(dir.resolve("key.pub"), pem(key.getPublic()));

        CliRun signed = CliRun.of("sign", "--key", privateKey.toString(), model.toString());
        assertThat(signed.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(model.resolve("model.sig")).exists();

        CliRun run = CliRun.of("scan", "--format", "json", "--public-key", publicKey.toString(), model.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.findValue("signature").path("status").asText()).isEqualTo("valid");

        Files.writeString(model.resolve("config.json"), "{\"evil\": true}\n");
        CliRun tampered = CliRun.of("scan", "--public-key", publicKey.toString(), model.toString());
        assertThat(tampered.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(tampered.out()).contains("MG-SIG-002");
    }

    private static final Path VECTORS = Path.of("..", "fixtures", "signing", "model-transparency");
    private static final String KEY = VECTORS.resolve("signing-key-pub.pem").toString();

    @Test
    void ignorePathsOnScanAsTheReferenceVerifierTakesThem() {
        Path vector = VECTORS.resolve("v1.0.1-elliptic-key");
        String ignored = vector.resolve("ignore-me").toString();
        // the reference vectors hold text files, no model: the signature verifies, and there is nothing to assess
        CliRun with = CliRun.of("scan", "--public-key", KEY, "--ignore-paths", ignored, vector.toString());
        assertThat(with.exitCode()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(with.out()).doesNotContain("MG-SIG").contains("nothing to assess");
        CliRun without = CliRun.of("scan", "--public-key", KEY, vector.toString());
        assertThat(without.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(without.out()).contains("MG-SIG-002", "ignore-me");
    }

    @Test
    void aGivenKeyIsARequirement() {
        CliRun unsigned = CliRun.of("scan", "--public-key", KEY, model.toString());
        assertThat(unsigned.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(unsigned.out()).contains("MG-SIG-003");
        CliRun keyless = CliRun.of("scan", "--public-key", KEY, VECTORS.resolve("v1.1.0-sigstore").toString());
        assertThat(keyless.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(keyless.out()).contains("MG-SIG-001");
    }

    @Test
    void signWithIgnorePathsAndShardsThenScan() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPair key = generator.generateKeyPair();
        Path privateKey = Files.writeString(dir.resolve("key.pem"), pem(key.getPrivate()));
        Path publicKey = Files.writeString(dir.resolve("key.pub"), pem(key.getPublic()));
        Files.writeString(model.resolve("notes.txt"), "scratch");

        CliRun signed = CliRun.of("sign", "--key", privateKey.toString(), "--ignore-paths",
                model.resolve("notes.txt").toString(), "--serialization", "shards", "--shard-size", "1000",
                model.toString());
        assertThat(signed.exitCode()).isEqualTo(ExitCodes.OK);
        Files.writeString(model.resolve("notes.txt"), "changed, not signed");
        assertThat(CliRun.of("scan", "--public-key", publicKey.toString(), model.toString()).exitCode())
                .isEqualTo(ExitCodes.OK);

        CliRun outside = CliRun.of("sign", "--key", privateKey.toString(), "--ignore-paths",
                dir.resolve("elsewhere").toString(), model.toString());
        assertThat(outside.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(outside.err()).contains("--ignore-paths must name paths inside");
        CliRun badHash = CliRun.of("sign", "--key", privateKey.toString(), "--serialization", "shards",
                "--hash", "blake3", model.toString());
        assertThat(badHash.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aKeyOfAnotherCurveIsRefusedWithAClearMessage() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
        generator.initialize(new ECGenParameterSpec("secp256k1"));
        Path privateKey = Files.writeString(dir.resolve("k1.pem"), pem(generator.generateKeyPair().getPrivate()));
        CliRun run = CliRun.of("sign", "--key", privateKey.toString(), model.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(run.err()).contains("only NIST P-256, P-384 and P-521").doesNotContain("Exception");
        assertThat(model.resolve("model.sig")).doesNotExist();
    }

    @Test
    void missingKeyFileIsAUsageError() {
        CliRun run = CliRun.of("scan", "--public-key", dir.resolve("nope.pub").toString(), model.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("no such file");
    }

    private static String pem(Object item) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(item);
        }
        return text.toString();
    }
}
