package io.modelgate.verification.integrity;

import io.modelgate.scanner.digest.Sha256;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.FileStatus;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.ScanReport;
import io.modelgate.testkit.XetCacheLayout;
import io.modelgate.verification.VerificationChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Hugging Face cache folder (HF_HOME) of a Xet-backed repository, as huggingface_hub and hf_xet lay it out:
 * {@code hub/models--org--name/} (blobs named by SHA-256, snapshot links, refs) beside {@code xet/<endpoint>/}
 * (chunk-cache items, shard-cache and staging shards). Files are rebuilt from the chunk cache into
 * {@code blobs/}: those are analysed and checked, the Xet cache's own files are skipped only when identified.
 */
class XetCacheScanTest {

    private static final byte[] CONFIG = "{\"model_type\": \"gpt2\"}\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    private static byte[] safetensors() {
        byte[] header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}    "
                .getBytes(StandardCharsets.UTF_8);
        ByteBuffer file = ByteBuffer.allocate(8 + header.length + 16).order(ByteOrder.LITTLE_ENDIAN);
        file.putLong(header.length).put(header);
        return file.array();
    }

    /** A PyTorch-style zip whose pickle is {@code pickle}. */
    private static byte[] torchZip(String pickle) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("archive/data.pkl"));
            zip.write(pickle.getBytes(StandardCharsets.ISO_8859_1));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("archive/version"));
            zip.write("3\n".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static final String BENIGN_PICKLE = "(dp0\nVw\np1\nI1\ns.";
    private static final String SYSTEM_PICKLE = "cos\nsystem\n(Vecho pwned\ntR.";

    private static byte[] hash(int seed) {
        byte[] hash = new byte[32];
        Arrays.fill(hash, (byte) seed);
        return hash;
    }

    /** HF_HOME with one Xet-backed model downloaded through hf_xet with its chunk cache on. */
    private Path hfHome() throws IOException {
        Path home = tmp.resolve("huggingface");
        Path repo = Files.createDirectories(home.resolve("hub/models--org--tiny"));
        Path blobs = Files.createDirectories(repo.resolve("blobs"));
        byte[] weights = safetensors();
        String weightsName = Sha256.ofBytes(weights);
        Files.write(blobs.resolve(weightsName), weights);
        Path config = Files.write(blobs.resolve("tmp"), CONFIG);
        String configName = GitBlobId.of(config);
        Files.move(config, blobs.resolve(configName));
        Path snapshot = Files.createDirectories(repo.resolve("snapshots/0123abcd"));
        Files.createSymbolicLink(snapshot.resolve("model.safetensors"), Path.of("../../blobs/" + weightsName));
        Files.createSymbolicLink(snapshot.resolve("config.json"), Path.of("../../blobs/" + configName));
        Files.writeString(Files.createDirectories(repo.resolve("refs")).resolve("main"), "0123abcd");
        Files.createFile(Files.createDirectories(home.resolve("hub/.locks/models--org--tiny"))
                .resolve(weightsName + ".lock"));

        Path env = home.resolve("xet").resolve(XetCacheLayout.ENDPOINT_TAG);
        Path chunks = env.resolve("chunk-cache");
        // the safetensors file in two items, and a small checkpoint whole in one
        XetCacheLayout.item(chunks, hash(1), 0, List.of(Arrays.copyOf(weights, 40)));
        XetCacheLayout.item(chunks, hash(1), 1, List.of(Arrays.copyOfRange(weights, 40, weights.length)));
        byte[] zip = torchZip(BENIGN_PICKLE);
        XetCacheLayout.item(chunks, hash(2), 0, List.of(Arrays.copyOf(zip, 100), Arrays.copyOfRange(zip, 100, zip.length)));
        XetCacheLayout.shard(env.resolve("shard-cache"), "1fe4ffd5cf0c3375", new byte[96]);
        XetCacheLayout.shard(env.resolve("staging/shard-session"), "906ee184dc1cd061", new byte[48]);
        return home;
    }

    /** The item's key folder and name (two items of the same bytes and range share a name). */
    private static String inKey(Path item) {
        return item.getParent().getFileName() + "/" + item.getFileName();
    }

    private static List<FileResult> xetFiles(ScanReport report) {
        return report.files().stream().filter(f -> f.path().contains("/xet/")).toList();
    }

    @Test
    void theWholeCacheFolderPassesWithItsBlobsCheckedAndItsXetFilesIdentified() throws IOException {
        ScanReport report = VerificationChecks.defaultScanner().scan(List.of(hfHome()));
        assertThat(report.allFindings()).extracting(Finding::ruleId).containsOnly("MG-GEN-003");
        assertThat(io.modelgate.verification.FactMaps.integrityText(report))
                .contains("huggingface-cache-blob", "huggingface-cache-snapshot", "status=match");
        assertThat(report.files()).filteredOn(f -> f.path().contains("/blobs/") && f.path().length() > 60)
                .extracting(FileResult::status).contains(FileStatus.CLEAN);
        List<FileResult> xet = xetFiles(report);
        assertThat(xet).hasSize(5).allSatisfy(f -> {
            assertThat(f.status()).isEqualTo(FileStatus.SKIPPED);
            assertThat(f.format()).isIn("xet-chunk-cache", "xet-shard");
            assertThat(f.facts()).containsKey("xetCache");
        });
        assertThat(report.files()).noneMatch(f -> f.status() == FileStatus.INCOMPLETE);
    }

    @Test
    void theXetFolderScannedOnItsOwnIsSkippedNeverClean() throws IOException {
        ScanReport report = VerificationChecks.defaultScanner().scan(List.of(hfHome().resolve("xet")));
        assertThat(report.allFindings()).isEmpty();
        assertThat(report.files()).hasSize(5).allSatisfy(f -> assertThat(f.status()).isEqualTo(FileStatus.SKIPPED));
    }

    @Test
    void aDamagedItemIsNotIdentifiedAndIsScannedLikeAnyFile() throws IOException {
        Path home = hfHome();
        Path chunks = home.resolve("xet").resolve(XetCacheLayout.ENDPOINT_TAG).resolve("chunk-cache");
        byte[] zip = torchZip(SYSTEM_PICKLE);
        Path item = XetCacheLayout.item(chunks, hash(3), 0, List.of(zip));
        Path intact = XetCacheLayout.item(chunks, hash(4), 0, List.of(zip));
        byte[] damaged = Files.readAllBytes(item);
        damaged[2] = 7; // the offset count no longer matches the name: hf_xet would not use it
        Files.write(item, damaged);

        ScanReport report = VerificationChecks.defaultScanner().scan(List.of(home.resolve("xet")));
        FileResult scanned = report.files().stream().filter(f -> f.path().endsWith(inKey(item)))
                .findFirst().orElseThrow();
        assertThat(scanned.status()).isNotIn(FileStatus.SKIPPED, FileStatus.CLEAN);
        assertThat(scanned.findings()).extracting(Finding::ruleId).contains("MG-PKL-001");
        FileResult identified = report.files().stream().filter(f -> f.path().endsWith(inKey(intact)))
                .findFirst().orElseThrow();
        assertThat(identified.findings()).isEmpty();
        assertThat(identified.status()).isEqualTo(FileStatus.SKIPPED);
        assertThat(identified.format()).isEqualTo("xet-chunk-cache");
    }

    @Test
    void aFileRebuiltFromAPoisonedCacheIsCaughtInTheHubBlobs() throws IOException {
        Path home = hfHome();
        Path blobs = home.resolve("hub/models--org--tiny/blobs");
        Path weights;
        try (var files = Files.list(blobs)) {
            weights = files.filter(p -> p.getFileName().toString().length() == 64).findFirst().orElseThrow();
        }
        byte[] rebuilt = Files.readAllBytes(weights);
        rebuilt[rebuilt.length - 1] = 1;
        Files.write(weights, rebuilt);
        ScanReport report = VerificationChecks.defaultScanner().scan(List.of(home));
        assertThat(report.allFindings()).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("MG-INT-001");
            assertThat(f.location().path().toString()).contains("blobs");
        });
    }
}
