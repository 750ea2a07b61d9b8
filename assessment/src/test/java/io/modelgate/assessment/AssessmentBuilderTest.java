package io.modelgate.assessment;

import io.modelgate.provenance.identity.UnitKind;
import io.modelgate.provenance.kb.KnowledgeBaseLoader;
import io.modelgate.scanner.Limits;
import io.modelgate.scanner.VerificationOptions;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.Finding;
import io.modelgate.verification.VerificationChecks;
import io.modelgate.verification.integrity.LockWriter;
import io.modelgate.verification.signing.ModelSigner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The assessment of real scans: which unit gets which file, finding, check and digest. */
class AssessmentBuilderTest {

    @TempDir
    Path tmp;
    Path model;

    @BeforeEach
    void qwenFolder() throws IOException {
        model = Files.createDirectories(tmp.resolve("Qwen2.5-0.5B"));
        Files.writeString(model.resolve("config.json"), "{\"architectures\": [\"Qwen2ForCausalLM\"], "
                + "\"model_type\": \"qwen2\", \"vocab_size\": 151936}\n");
        Files.writeString(model.resolve("README.md"), "---\nlicense: apache-2.0\n---\n# Qwen2.5-0.5B\n");
        Map<String, List<Long>> tensors = new LinkedHashMap<>();
        tensors.put("model.embed_tokens.weight", List.of(151936L, 1L));
        tensors.put("model.layers.0.self_attn.q_proj.bias", List.of(1L));
        ModelFileWriter.safetensors(model.resolve("model.safetensors"), tensors);
    }

    private ScanAssessment assess(Path root, VerificationOptions options) throws IOException {
        return new AssessmentBuilder(KnowledgeBaseLoader.builtIn()).build(VerificationChecks
                .scanner(Limits.defaults(), 2, Clock.systemUTC(), options).scan(List.of(root)));
    }

    @Test
    void theWholeModelDigestIsTheSubjectDigestOfItsSignature() throws Exception {
        Path publicKey = sign(model);

        ModelAssessment unit = assess(model, VerificationOptions.none().withPublicKeys(List.of(publicKey)))
                .models().get(0);

        assertThat(unit.signature().status()).isEqualTo(SignatureStatus.VALID);
        assertThat(unit.signature().method()).isEqualTo("key");
        assertThat(unit.digest()).startsWith("sha256:").isEqualTo(unit.signature().subjectDigest());
        assertThat(unit.files()).extracting(FileResult::path).anyMatch(p -> p.endsWith("model.sig"));
    }

    @Test
    void aTamperedSignedModelIsInvalidAndTheFindingStaysOnTheUnit() throws Exception {
        Path publicKey = sign(model);
        String before = assess(model, VerificationOptions.none()).models().get(0).digest();
        Files.writeString(model.resolve("config.json"), "{\"architectures\": [\"Qwen2ForCausalLM\"], "
                + "\"model_type\": \"qwen2\", \"vocab_size\": 151937}\n");

        ScanAssessment scan = assess(model, VerificationOptions.none().withPublicKeys(List.of(publicKey)));

        ModelAssessment unit = scan.models().get(0);
        assertThat(unit.signature().status()).isEqualTo(SignatureStatus.INVALID);
        assertThat(unit.digest()).isNotEqualTo(before).isNotEqualTo(unit.signature().subjectDigest());
        assertThat(unit.findings()).extracting(Finding::ruleId).anyMatch(id -> id.startsWith("MG-SIG-"));
        assertThat(unit.files()).flatExtracting(FileResult::findings).extracting(Finding::ruleId)
                .as("folder findings are never merged into file results").noneMatch(id -> id.startsWith("MG-SIG-"));
        assertThat(scan.allFindings()).containsAll(unit.findings());
    }

    @Test
    void anUnusableLockMakesTheUnitAndTheScanIncomplete() throws IOException {
        Path lock = Files.writeString(tmp.resolve("broken.lock"), "not a lock");

        ScanAssessment scan = assess(model, VerificationOptions.none().withLockFile(lock));

        ModelAssessment unit = scan.models().get(0);
        assertThat(unit.integrity().lock()).isEqualTo(LockStatus.ERROR);
        assertThat(unit.incomplete()).isNotEmpty();
        assertThat(unit.isIncomplete()).isTrue();
        assertThat(scan.isIncomplete()).isTrue();
        assertThat(unit.files()).allSatisfy(f -> assertThat(f.incompleteReasons()).isEmpty());
    }

    @Test
    void aMatchingLockIsRecordedWithItsFile() throws IOException {
        Path lock = tmp.resolve("model.lock");
        LockWriter.write(model, lock, 2);

        ModelAssessment unit = assess(model, VerificationOptions.none().withLockFile(lock)).models().get(0);

        assertThat(unit.integrity().lock()).isEqualTo(LockStatus.MATCH);
        assertThat(unit.integrity().lockFile()).isEqualTo(lock.toString());
        assertThat(unit.integrity().matched()).hasSize(3);
        assertThat(unit.isIncomplete()).isFalse();
    }

    @Test
    void aLockOverTheScannedFolderCoversTheUnitInItsSubfolder() throws IOException {
        Path lock = tmp.resolve("modelgate.lock");
        LockWriter.write(tmp, lock, 2);

        ModelAssessment unit = assess(tmp, VerificationOptions.none().withLockFile(lock)).models().get(0);

        assertThat(unit.path()).endsWith("Qwen2.5-0.5B");
        assertThat(unit.integrity().lock()).isEqualTo(LockStatus.MATCH);
        assertThat(unit.signature().status()).as("the scanned folder's own fact").isEqualTo(SignatureStatus.ABSENT);
    }

    @Test
    void everyFileIsListedOnceAndStrayFilesBelongToNoUnit() throws IOException {
        Files.writeString(tmp.resolve("notes.txt"), "release notes\n");
        Path gguf = model.resolve("qwen2.5-0.5b-q8_0.gguf");
        ModelFileWriter.gguf(gguf, Map.of("general.architecture", "qwen2", "general.name", "Qwen2.5 0.5B"),
                Map.of("token_embd.weight", List.of(1L, 151936L)));

        ScanAssessment scan = assess(tmp, VerificationOptions.none());

        assertThat(scan.models()).extracting(ModelAssessment::kind).containsExactly(UnitKind.HF_FOLDER, UnitKind.GGUF);
        assertThat(scan.models().get(0).files()).extracting(FileResult::path).noneMatch(p -> p.endsWith(".gguf"));
        assertThat(scan.models().get(1).files()).extracting(FileResult::path).singleElement()
                .satisfies(p -> assertThat(p).endsWith(".gguf"));
        assertThat(scan.otherFiles()).extracting(FileResult::path).singleElement()
                .satisfies(p -> assertThat(p).endsWith("notes.txt"));
        assertThat(scan.allFiles()).hasSize(5).doesNotHaveDuplicates();
        assertThat(scan.models()).allSatisfy(m -> assertThat(m.container()).isNull());
    }

    @Test
    void aMissingShardIsAFindingAndAnIncompleteCheckOfItsUnit() throws IOException {
        ScanAssessment scan = assess(Path.of("..", "fixtures", "safetensors", "sharded", "missing-shard"),
                VerificationOptions.none());

        ModelAssessment unit = scan.models().get(0);
        assertThat(unit.findings()).extracting(Finding::ruleId).contains("MG-ST-010");
        assertThat(unit.incomplete()).extracting(IncompleteReason::file)
                .allSatisfy(f -> assertThat(f).endsWith("model.safetensors.index.json"));
        assertThat(scan.findings()).isEmpty();
        assertThat(scan.isIncomplete()).isTrue();
    }

    @Test
    void aUnitWithAFileThatWasNotReadHasNoDigest() throws IOException {
        Path outside = Files.writeString(tmp.resolve("outside.bin"), "not part of the model");
        Files.createSymbolicLink(model.resolve("extra.bin"), outside);

        ModelAssessment unit = assess(model, VerificationOptions.none()).models().get(0);

        assertThat(unit.files()).extracting(FileResult::path).anyMatch(p -> p.endsWith("extra.bin"));
        assertThat(unit.digest()).isNull();
    }

    @Test
    void aScanWithoutModelsHasOnlyOtherFiles() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(empty.resolve("notes.txt"), "nothing\n");

        ScanAssessment scan = assess(empty, VerificationOptions.none());

        assertThat(scan.models()).isEmpty();
        assertThat(scan.otherFiles()).hasSize(1);
        assertThat(scan.isIncomplete()).isFalse();
    }

    @Test
    void eachFileUnitReadsTheLicenseTextOfItsOwnFolderWhileFoldersAreAssessedTogether() throws IOException {
        // Units of several folders are assessed in parallel, and each folder's license texts are searched once.
        Map<String, String> licenses = Map.of(
                "mit", "Permission is hereby granted, free of charge, to any person obtaining a copy of this "
                        + "software. The above copyright notice and this permission notice shall be included in "
                        + "all copies.",
                "exaone", "EXAONE AI Model License Agreement 1.2 - NC");
        Path root = Files.createDirectories(tmp.resolve("checkpoints"));
        for (int folder = 0; folder < 6; folder++) {
            String license = folder % 2 == 0 ? "mit" : "exaone";
            Path dir = Files.createDirectories(root.resolve(license + "-" + folder));
            Files.writeString(dir.resolve("LICENSE"), licenses.get(license));
            for (int i = 0; i < 40; i++) {
                // protocol 2: an empty dict, then STOP
                Files.write(dir.resolve("w" + i + ".pkl"), new byte[] {(byte) 0x80, 2, '}', 'q', 0, '.'});
            }
        }

        List<ModelAssessment> units = assess(root, VerificationOptions.none()).models();

        assertThat(units).hasSize(240).allSatisfy(unit -> assertThat(unit.license().id())
                .as(unit.path()).isEqualTo(unit.path().contains("/mit-") ? "MIT" : "LicenseRef-exaone"));
    }

    /** Signs the folder with a fresh P-256 key; returns the public key's PEM file. */
    private Path sign(Path folder) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair key = generator.generateKeyPair();
        Path privateKey = pem(tmp.resolve("key.pem"), "PRIVATE KEY", key.getPrivate().getEncoded());
        Path publicKey = pem(tmp.resolve("key.pub"), "PUBLIC KEY", key.getPublic().getEncoded());
        ModelSigner.sign(folder, privateKey, 2);
        return publicKey;
    }

    private static Path pem(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
    }
}
