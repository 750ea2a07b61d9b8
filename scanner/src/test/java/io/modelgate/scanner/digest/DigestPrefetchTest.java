package io.modelgate.scanner.digest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DigestPrefetchTest {

    @TempDir
    Path temp;

    /** A sparse file just over the threshold, with some content at both ends. */
    private Path large(String name) throws Exception {
        Path file = temp.resolve(name);
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.setLength(DigestPrefetch.MIN_BYTES + 1);
            out.write(name.getBytes());
            out.seek(DigestPrefetch.MIN_BYTES - 3);
            out.write(new byte[]{1, 2, 3, 4});
        }
        return file;
    }

    @Test
    void aLargeFileIsHandedOverOnceWithItsDigest() throws Exception {
        Path file = large("model.safetensors");
        Path small = Files.writeString(temp.resolve("config.json"), "{}");
        DigestPrefetch prefetch = DigestPrefetch.start(List.of(file, small, temp), Long.MAX_VALUE, 2);

        // the same file reached through another spelling of its path
        assertThat(prefetch.take(temp.resolve(".").resolve("model.safetensors"))).contains(Sha256.ofFile(file));
        assertThat(prefetch.take(file)).isEmpty();
        assertThat(prefetch.take(small)).isEmpty();
    }

    @Test
    void aFileChangedSinceIsHashedAgainByTheScan() throws Exception {
        Path file = large("a.bin");
        DigestPrefetch prefetch = DigestPrefetch.start(List.of(file), Long.MAX_VALUE, 1);
        Files.write(file, new byte[]{9}, StandardOpenOption.APPEND);
        assertThat(prefetch.take(file)).isEmpty();
    }

    @Test
    void filesOverTheSizeLimitAreNotRead() throws Exception {
        Path file = large("huge.bin");
        DigestPrefetch prefetch = DigestPrefetch.start(List.of(file), DigestPrefetch.MIN_BYTES, 1);
        assertThat(prefetch.take(file)).isEmpty();
    }

    @Test
    void aDigestTakenForACacheKeyIsKeptForTheScanUntilTheFileChanges() throws Exception {
        Path small = Files.writeString(temp.resolve("config.json"), "{\"a\": 1}");
        Path other = Files.writeString(temp.resolve("tokenizer.json"), "{}");
        DigestPrefetch kept = DigestPrefetch.empty();
        String digest = kept.hashAndKeep(small);
        kept.hashAndKeep(other);

        assertThat(digest).isEqualTo(Sha256.ofFile(small));
        assertThat(kept.take(small)).contains(digest);
        assertThat(kept.take(small)).isEmpty();
        Files.writeString(other, "{\"changed\": true}");
        assertThat(kept.take(other)).isEmpty();
    }
}
