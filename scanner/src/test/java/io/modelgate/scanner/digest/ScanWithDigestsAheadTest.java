package io.modelgate.scanner.digest;

import io.modelgate.scanner.Limits;
import io.modelgate.scanner.Scanner;
import io.modelgate.scanner.cache.ResultCache;
import io.modelgate.scanner.model.FileResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A large file hashed ahead of the scan: analysed while its digest completes, and never given a stale digest. */
class ScanWithDigestsAheadTest {

    @TempDir
    Path temp;

    /** A safetensors file just over the prefetch threshold: one U8 tensor, sparse (zero) data. */
    private Path largeSafetensors() throws Exception {
        long tensorBytes = DigestPrefetch.MIN_BYTES;
        String json = "{\"t\":{\"dtype\":\"U8\",\"shape\":[" + tensorBytes + "],\"data_offsets\":[0," + tensorBytes
                + "]}}";
        byte[] header = (json + " ".repeat((8 - json.length() % 8) % 8)).getBytes(StandardCharsets.US_ASCII);
        Path file = temp.resolve("model.safetensors");
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).array());
            out.write(header);
            out.setLength(8 + header.length + tensorBytes);
        }
        return file;
    }

    private static FileResult scanOne(Scanner scanner, Path file) throws IOException {
        return scanner.scan(List.of(file)).files().get(0);
    }

    @Test
    void aFileHashedAheadIsAnalysedAndGetsItsDigest() throws Exception {
        Path file = largeSafetensors();
        Scanner scanner = new Scanner(Limits.defaults(), 2, Clock.systemUTC());
        DigestPrefetch ahead = DigestPrefetch.start(List.of(file), Long.MAX_VALUE, 1);
        assertThat(ahead.has(file)).isTrue();

        FileResult result = scanOne(scanner.withDigests(ahead), file);

        assertThat(result.sha256()).isEqualTo(Sha256.ofFile(file));
        assertThat(result.format()).isEqualTo("safetensors");
        assertThat(result.incompleteReasons()).isEmpty();
        assertThat(ahead.has(file)).as("handed over once").isFalse();
    }

    @Test
    void aFileChangedAfterItsHashingStartedIsHashedAgain() throws Exception {
        Path file = largeSafetensors();
        DigestPrefetch ahead = DigestPrefetch.start(List.of(file), Long.MAX_VALUE, 1);
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.seek(Files.size(file) - 1);
            out.write(7);
        }
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5_000));

        FileResult result = scanOne(new Scanner(Limits.defaults(), 2, Clock.systemUTC()).withDigests(ahead), file);

        assertThat(result.sha256()).isEqualTo(Sha256.ofFile(file));
    }

    @Test
    void withAResultCacheTheDigestIsTakenFirstAndTheSame() throws Exception {
        Path file = largeSafetensors();
        ResultCache cache = ResultCache.open(temp.resolve("cache"), 1L << 30, Limits.defaults());
        DigestPrefetch ahead = DigestPrefetch.start(List.of(file), Long.MAX_VALUE, 1);

        FileResult result = scanOne(new Scanner(Limits.defaults(), 2, Clock.systemUTC()).withCache(cache)
                .withDigests(ahead), file);

        assertThat(result.sha256()).isEqualTo(Sha256.ofFile(file));
        assertThat(result.format()).isEqualTo("safetensors");
    }
}
