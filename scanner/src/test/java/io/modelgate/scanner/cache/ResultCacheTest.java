package io.modelgate.scanner.cache;

import io.modelgate.scanner.Limits;
import io.modelgate.scanner.Scanner;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.FileStatus;
import io.modelgate.scanner.model.ScanReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultCacheTest {

    private static final Path FIXTURES = Path.of("..", "fixtures");

    @TempDir
    Path temp;

    /** Files with findings, embedded members, typed metadata and card facts. */
    private Path models() throws IOException {
        Path models = Files.createDirectories(temp.resolve("models"));
        for (String name : List.of("pickle/malicious/builtins_eval_p2.pkl", "archives/nested.zip",
                "archives/real-torch.pt", "archives/model.pkl.gz", "hf/tiny-chat/README.md")) {
            Path source = FIXTURES.resolve(name);
            Files.copy(source, models.resolve(source.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(models.resolve("config.json"),
                "{\"architectures\": [\"LlamaForCausalLM\"], \"model_type\": \"llama\", \"vocab_size\": 32000,"
                        + " \"rope_theta\": 10000.0, \"tie_word_embeddings\": false, \"bos\": null}");
        return models;
    }

    private static Scanner scanner() {
        return new Scanner(Limits.defaults(), 2, Clock.systemUTC());
    }

    private ResultCache cache(long maxBytes) throws IOException {
        return ResultCache.open(temp.resolve("cache"), maxBytes, Limits.defaults());
    }

    @Test
    void everyResultRoundTripsThroughTheCodec() throws Exception {
        ScanReport report = scanner().scan(List.of(models()));
        assertThat(report.files()).hasSizeGreaterThan(5);
        assertThat(report.files()).anyMatch(f -> !f.findings().isEmpty());
        for (FileResult result : report.files()) {
            assertThat(FileResultCodec.decode(FileResultCodec.encode(result))).isEqualTo(result);
        }
    }

    @Test
    void anUnchangedFileIsTakenFromTheCacheAndGivesTheSameResult() throws Exception {
        Path models = models();
        ScanReport fresh = scanner().scan(List.of(models));
        ResultCache first = cache(1L << 30);
        ScanReport filled = scanner().withCache(first).scan(List.of(models));
        ResultCache second = cache(1L << 30);
        ScanReport cached = scanner().withCache(second).scan(List.of(models));

        assertThat(first.hits()).isZero();
        long complete = fresh.files().stream().filter(f -> f.incompleteReasons().isEmpty()).count();
        assertThat(second.hits()).isEqualTo(complete);
        assertThat(cached.files()).isEqualTo(fresh.files());
        assertThat(filled.files()).isEqualTo(fresh.files());
    }

    @Test
    void changedContentUnderTheSamePathIsAnalysedAgain() throws Exception {
        Path models = models();
        scanner().withCache(cache(1L << 30)).scan(List.of(models));
        Path pickle = models.resolve("builtins_eval_p2.pkl");
        Files.copy(FIXTURES.resolve("pickle/benign").resolve(firstBenign()), pickle,
                StandardCopyOption.REPLACE_EXISTING);

        ResultCache cache = cache(1L << 30);
        FileResult result = result(scanner().withCache(cache).scan(List.of(models)), pickle);

        assertThat(result).isEqualTo(result(scanner().scan(List.of(models)), pickle));
        assertThat(result.status()).isEqualTo(FileStatus.CLEAN);
    }

    @Test
    void damagedEntriesAreMissesNeverResults() throws Exception {
        Path models = models();
        ScanReport fresh = scanner().scan(List.of(models));
        scanner().withCache(cache(1L << 30)).scan(List.of(models));
        Random random = new Random(14);
        List<Path> entries = entries();
        assertThat(entries).isNotEmpty();
        for (int round = 0; round < 3; round++) {
            for (Path entry : entries) {
                byte[] bytes = Files.readAllBytes(entry);
                switch (round) {
                    case 0 -> bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
                    case 1 -> bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
                    default -> random.nextBytes(bytes);
                }
                Files.write(entry, bytes);
            }
            ResultCache cache = cache(1L << 30);
            ScanReport again = scanner().withCache(cache).scan(List.of(models));
            assertThat(cache.hits()).as("round %d", round).isZero();
            assertThat(again.files()).isEqualTo(fresh.files());
        }
    }

    @Test
    void mutatedEncodingsAreRejectedWithIOExceptionOnly() throws Exception {
        List<byte[]> encodings = new ArrayList<>();
        for (FileResult result : scanner().scan(List.of(models())).files()) {
            encodings.add(FileResultCodec.encode(result));
        }
        Random random = new Random(1414);
        for (int i = 0; i < 3000; i++) {
            byte[] bytes = encodings.get(random.nextInt(encodings.size())).clone();
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            byte[] mutated = random.nextBoolean() ? bytes : java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
            try {
                FileResultCodec.decode(mutated);
            } catch (IOException expected) {
                // a miss
            }
        }
        assertThatThrownBy(() -> FileResultCodec.decode(new byte[0])).isInstanceOf(IOException.class);
    }

    @Test
    void theFolderIsTrimmedToItsLimitOldestFirst() throws Exception {
        Path models = models();
        scanner().withCache(cache(1L << 30)).scan(List.of(models));
        long total = 0;
        for (Path entry : entries()) {
            total += Files.size(entry);
        }
        scanner().withCache(cache(total / 2)).scan(List.of(models));
        long after = 0;
        for (Path entry : entries()) {
            after += Files.size(entry);
        }
        assertThat(after).isLessThanOrEqualTo(total / 2);
    }

    @Test
    void otherLimitsDoNotShareEntries() throws Exception {
        Path models = models();
        scanner().withCache(cache(1L << 30)).scan(List.of(models));
        Limits deeper = Limits.defaults().withMaxDepth(3);
        ResultCache other = ResultCache.open(temp.resolve("cache"), 1L << 30, deeper);
        new Scanner(deeper, 2, Clock.systemUTC()).withCache(other).scan(List.of(models));
        assertThat(other.hits()).isZero();
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.walk(temp.resolve("cache"))) {
            return files.filter(f -> f.toString().endsWith(".bin")).toList();
        }
    }

    private static String firstBenign() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES.resolve("pickle/benign"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".pkl")).sorted().findFirst()
                    .orElseThrow();
        }
    }

    private static FileResult result(ScanReport report, Path file) {
        return report.files().stream().filter(f -> f.path().endsWith(file.getFileName().toString())).findFirst()
                .orElseThrow();
    }
}
