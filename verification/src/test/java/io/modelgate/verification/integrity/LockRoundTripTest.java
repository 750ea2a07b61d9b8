package io.modelgate.verification.integrity;

import io.modelgate.verification.VerificationChecks;
import io.modelgate.scanner.Limits;
import io.modelgate.scanner.Scanner;
import io.modelgate.scanner.VerificationOptions;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.ScanReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LockRoundTripTest {

    @TempDir
    Path tmp;
    Path model;
    Path lock;

    @BeforeEach
    void reviewedModel() throws IOException {
        model = Files.createDirectories(tmp.resolve("model"));
        Files.writeString(model.resolve("config.json"), "{\"model_type\": \"bert\"}\n");
        Files.write(model.resolve("weights.bin"), new byte[70_000]);
        Files.createDirectories(model.resolve("tokenizer"));
        Files.writeString(model.resolve("tokenizer/vocab.txt"), "[PAD]\n[UNK]\n");
        lock = tmp.resolve("modelgate.lock");
        LockWriter.write(model, lock, 2);
    }

    private ScanReport scan() throws IOException {
        Scanner scanner = VerificationChecks.scanner(Limits.defaults(), 2, Clock.systemUTC(),
                VerificationOptions.none().withLockFile(lock));
        return scanner.scan(List.of(model));
    }

    @Test
    void unchangedModelMatchesItsLockWithEvidencePerFile() throws IOException {
        ScanReport report = scan();
        assertThat(report.allFindings()).isEmpty();
        @SuppressWarnings("unchecked")
        Map<String, Object> integrity = io.modelgate.verification.FactMaps.integrity(report);
        assertThat(integrity.get("checks").toString()).contains("status=match", "matched=3");
        assertThat((List<?>) integrity.get("matched")).hasSize(3);
    }

    @Test
    void oneChangedByteIsCriticalOnThatFile() throws IOException {
        byte[] bytes = Files.readAllBytes(model.resolve("weights.bin"));
        bytes[12_345] = 1;
        Files.write(model.resolve("weights.bin"), bytes);
        List<Finding> found = scan().allFindings();
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("MG-INT-001");
            assertThat(f.location().path().toString()).endsWith("model/weights.bin");
        });
    }

    @Test
    void addedFileIsReported() throws IOException {
        Files.writeString(model.resolve("extra.py"), "print(1)\n");
        assertThat(scan().allFindings()).extracting(Finding::ruleId).containsExactly("MG-INT-002");
    }

    @Test
    void removedFileIsNamedByTheFindingAndNotInventedAsAFile() throws IOException {
        Files.delete(model.resolve("tokenizer/vocab.txt"));
        ScanReport report = scan();
        assertThat(report.allFindings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("MG-INT-003");
            assertThat(f.location().path().toString()).endsWith("tokenizer/vocab.txt");
        });
        assertThat(report.files()).extracting(FileResult::path).noneMatch(p -> p.endsWith("tokenizer/vocab.txt"));
    }

    @Test
    void renamedFileIsRemovedPlusAddedNamingTheOrigin() throws IOException {
        Files.move(model.resolve("config.json"), model.resolve("config2.json"));
        List<Finding> found = scan().allFindings();
        assertThat(found).extracting(Finding::ruleId).containsExactlyInAnyOrder("MG-INT-002", "MG-INT-003");
        assertThat(found).filteredOn(f -> f.ruleId().equals("MG-INT-002"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("renamed", "config.json"));
    }

    @Test
    void lockInsideTheFolderIsNotPartOfIt() throws IOException {
        lock = model.resolve("modelgate.lock");
        LockWriter.write(model, lock, 1);
        assertThat(scan().allFindings()).isEmpty();
    }

    @Test
    void brokenLockFailsClosed() throws IOException {
        Files.writeString(lock, "{\"lockVersion\":1,\"algorithm\":\"sha256\",\"ignore\":[],\"files\":[{\"path\":\"../etc/passwd\","
                + "\"size\":1,\"sha256\":\"" + "0".repeat(64) + "\"}]}");
        ScanReport report = scan();
        assertThat(report.allFindings()).extracting(Finding::ruleId).containsExactly("MG-INT-004");
    }

    @Test
    void truncatedLockIsRejected() throws IOException {
        byte[] bytes = Files.readAllBytes(lock);
        assertThatThrownBy(() -> LockFileCodec.parse(java.util.Arrays.copyOf(bytes, bytes.length / 2)))
                .isInstanceOf(IOException.class);
    }

    @Test
    void lockFormatRoundTrips() throws IOException {
        LockFile read = LockFileCodec.read(lock);
        assertThat(read.entries()).containsOnlyKeys("config.json", "tokenizer/vocab.txt", "weights.bin");
        assertThat(read.entries().get("weights.bin").size()).isEqualTo(70_000);
        String text = new String(Files.readAllBytes(lock), StandardCharsets.UTF_8);
        assertThat(LockFileCodec.parse(LockFileCodec.write(read, "test"))).isEqualTo(read);
        assertThat(text).contains("\"lockVersion\" : 1");
    }
}
