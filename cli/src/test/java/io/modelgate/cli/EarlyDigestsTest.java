package io.modelgate.cli;

import io.modelgate.scanner.digest.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class EarlyDigestsTest {

    @TempDir
    static Path temp;

    private static Path big() throws Exception {
        Path file = temp.resolve("model.safetensors");
        if (!file.toFile().exists()) {
            try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
                out.setLength((64L << 20) + 1);
                out.write(new byte[]{1, 2, 3});
            }
        }
        return file;
    }

    /** The digest the early start handed over for {@code file}, if it hashed it (and said so). */
    private static Optional<String> earlyDigest(Path file, String... args) {
        boolean hashing = QuickScanParser.parse(args).map(EarlyDigests::start).orElse(false);
        Optional<String> digest = EarlyDigests.takeOr(List.of(), Long.MAX_VALUE, 1).take(file);
        assertThat(hashing).as("start() says whether it is hashing").isEqualTo(digest.isPresent());
        return digest;
    }

    @Test
    void aLargeFileNamedOnAScanIsHashedAsSoonAsTheCommandLineIsRead() throws Exception {
        Path file = big();
        assertThat(earlyDigest(file, "scan", "--strict", "-q", file.toString())).contains(Sha256.ofFile(file));
        assertThat(earlyDigest(file, "scan", "--threads=1", "--max-file-size", "1G", file.toString()))
                .contains(Sha256.ofFile(file));
        assertThat(earlyDigest(file, "scan", "--format=json", file.toString())).isPresent();
    }

    @Test
    void aFileGivenAsAnOptionsValueOrOverTheLimitIsNotRead() throws Exception {
        Path file = big();
        assertThat(earlyDigest(file, "scan", "--ignore-paths", file.toString(), temp.toString())).isEmpty();
        assertThat(earlyDigest(file, "scan", "--some-future-option", file.toString())).isEmpty();
        assertThat(earlyDigest(file, "scan", "--max-file-size", "1M", file.toString())).isEmpty();
        assertThat(earlyDigest(file, "sbom", file.toString())).isEmpty();
        // lines only picocli reads start nothing early
        assertThat(earlyDigest(file, "scan", "--", file.toString())).isEmpty();
    }

    @Test
    void anUnreadableSizeOrThreadCountStartsNothing() throws Exception {
        Path file = big();
        assertThat(earlyDigest(file, "scan", "--max-file-size", "lots", file.toString())).isEmpty();
        assertThat(earlyDigest(file, "scan", "--threads", "0", file.toString())).isEmpty();
        assertThat(earlyDigest(file, "scan", file.toString(), "--threads")).isEmpty();
    }
}
