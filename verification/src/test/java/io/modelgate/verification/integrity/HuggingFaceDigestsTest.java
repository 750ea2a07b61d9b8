package io.modelgate.verification.integrity;

import io.modelgate.verification.VerificationChecks;
import io.modelgate.scanner.Scanner;
import io.modelgate.scanner.digest.Sha256;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.ScanReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HuggingFaceDigestsTest {

    private static final byte[] WEIGHTS = "pretend these are tensors".repeat(100).getBytes(StandardCharsets.UTF_8);
    private static final byte[] CONFIG = "{\"model_type\": \"gpt2\"}\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    private static String evidence(ScanReport report) {
        return io.modelgate.verification.FactMaps.integrityText(report);
    }

    /** models--org--name/{blobs,snapshots/rev,refs} as huggingface_hub lays it out. */
    private Path cache() throws IOException {
        Path repo = Files.createDirectories(tmp.resolve("models--org--tiny"));
        Path blobs = Files.createDirectories(repo.resolve("blobs"));
        String weights = Sha256.ofBytes(WEIGHTS);
        Files.write(blobs.resolve(weights), WEIGHTS);
        Path config = Files.write(blobs.resolve("tmp"), CONFIG);
        String configId = GitBlobId.of(config);
        Files.move(config, blobs.resolve(configId));
        Path snapshot = Files.createDirectories(repo.resolve("snapshots/0123abcd"));
        Files.createSymbolicLink(snapshot.resolve("model.safetensors"), Path.of("../../blobs/" + weights));
        Files.createSymbolicLink(snapshot.resolve("config.json"), Path.of("../../blobs/" + configId));
        Files.createDirectories(repo.resolve("refs"));
        Files.writeString(repo.resolve("refs/main"), "0123abcd");
        return repo;
    }

    @Test
    void intactCacheMatchesBlobNamesAndSnapshotLinks() throws IOException {
        ScanReport report = VerificationChecks.defaultScanner().scan(List.of(cache()));
        assertThat(report.allFindings()).allMatch(f -> !f.ruleId().startsWith("MG-INT"));
        assertThat(evidence(report)).contains("huggingface-cache-blob", "huggingface-cache-snapshot", "git-sha1:",
                "status=match");
    }

    @Test
    void aSnapshotFolderAsSnapshotDownloadReturnsItIsAnalysedThroughItsLinksAndPasses() throws IOException {
        Path snapshot = cache().resolve("snapshots/0123abcd");
        ScanReport report = VerificationChecks.defaultScanner().scan(List.of(snapshot));
        assertThat(report.allFindings()).extracting(Finding::ruleId).containsOnly("MG-GEN-003");
        assertThat(report.files()).allSatisfy(f -> assertThat(f.sha256()).isNotNull());
        assertThat(report.files()).extracting(f -> f.format()).contains("json");
        assertThat(evidence(report)).contains("huggingface-cache-snapshot", "git-sha1:", "status=match", "matched=2, mismatched=0");
    }

    @Test
    void aTamperedBlobIsCaughtFromTheSnapshotAndALinkElsewhereIsNotFollowed() throws IOException {
        Path repo = cache();
        Path snapshot = repo.resolve("snapshots/0123abcd");
        Files.writeString(repo.resolve("blobs").resolve(GitBlobId.of(snapshot.resolve("config.json"))),
                "{\"model_type\": \"evil\"}\n");
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "credentials");
        Files.createSymbolicLink(snapshot.resolve("extra.txt"), secret);
        ScanReport report = VerificationChecks.defaultScanner().scan(List.of(snapshot));
        assertThat(report.allFindings()).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("MG-INT-001");
            assertThat(f.location().path().toString()).endsWith("config.json");
        }).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("MG-GEN-004");
            assertThat(f.location().path().toString()).endsWith("extra.txt");
        });
    }

    @Test
    void tamperedBlobIsCriticalOnTheBlobAndOnTheSnapshotFile() throws IOException {
        Path repo = cache();
        Path blob = repo.resolve("blobs").resolve(Sha256.ofBytes(WEIGHTS));
        byte[] bytes = WEIGHTS.clone();
        bytes[7] = '!';
        Files.write(blob, bytes);
        List<Finding> found = (VerificationChecks.defaultScanner().scan(List.of(repo))).allFindings().stream()
                .filter(f -> f.ruleId().equals("MG-INT-001")).toList();
        assertThat(found).extracting(f -> f.location().path().toString())
                .containsExactlyInAnyOrder(blob.toString(), repo.resolve("snapshots/0123abcd/model.safetensors").toString());
    }

    @Test
    void downloadMetadataEtagsAreChecked() throws IOException {
        Path local = Files.createDirectories(tmp.resolve("local"));
        Files.write(local.resolve("model.safetensors"), WEIGHTS);
        Files.write(local.resolve("config.json"), CONFIG);
        Path meta = Files.createDirectories(local.resolve(".cache/huggingface/download"));
        Files.writeString(meta.resolve("model.safetensors.metadata"),
                "0123abcd\n" + Sha256.ofBytes(WEIGHTS) + "\n1700000000.5\n");
        Files.writeString(meta.resolve("config.json.metadata"),
                "0123abcd\n" + GitBlobId.of(local.resolve("config.json")) + "\n1700000000.5\n");
        ScanReport clean = VerificationChecks.defaultScanner().scan(List.of(local));
        assertThat(clean.allFindings()).noneMatch(f -> f.ruleId().startsWith("MG-INT"));
        assertThat(evidence(clean)).contains("huggingface-download-metadata", "matched=2");

        Files.write(local.resolve("config.json"), "{\"model_type\": \"evil\"}\n".getBytes(StandardCharsets.UTF_8));
        assertThat((VerificationChecks.defaultScanner().scan(List.of(local))).allFindings())
                .filteredOn(f -> f.ruleId().equals("MG-INT-001"))
                .singleElement().satisfies(f -> assertThat(f.location().path().toString()).endsWith("local/config.json"));
    }

    @Test
    void lfsPointerGivenAlongsideIsComparedWithTheRealFile() throws IOException {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.write(repo.resolve("model.safetensors"), WEIGHTS);
        Files.writeString(repo.resolve("model.safetensors.pointer"), "version https://git-lfs.github.com/spec/v1\n"
                + "oid sha256:" + Sha256.ofBytes(WEIGHTS) + "\nsize " + WEIGHTS.length + "\n");
        ScanReport clean = VerificationChecks.defaultScanner().scan(List.of(repo));
        assertThat(clean.allFindings()).noneMatch(f -> f.ruleId().startsWith("MG-INT") || f.ruleId().startsWith("MG-LFS"));
        assertThat(clean.files()).allSatisfy(f -> assertThat(f.incompleteReasons()).isEmpty());
        assertThat(evidence(clean)).contains("git-lfs-pointer", "status=match");

        byte[] changed = WEIGHTS.clone();
        changed[0] = 'P';
        Files.write(repo.resolve("model.safetensors"), changed);
        assertThat((VerificationChecks.defaultScanner().scan(List.of(repo))).allFindings())
                .filteredOn(f -> f.ruleId().equals("MG-INT-001"))
                .singleElement().satisfies(f -> assertThat(f.location().path().toString()).endsWith("repo/model.safetensors"));

        // A pointer alone (no file next to it) still means the weights were not downloaded.
        Files.delete(repo.resolve("model.safetensors"));
        assertThat(VerificationChecks.defaultScanner().scan(List.of(repo)).allFindings())
                .extracting(Finding::ruleId).contains("MG-LFS-001");
    }
}
