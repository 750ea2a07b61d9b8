package io.modelgate.fleet;

import io.modelgate.scanner.digest.DigestPrefetch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cache key's input: every byte and name counts, sizes and dates do not, threads change nothing. */
class ContentDigestTest {

    @TempDir
    Path dir;

    private Path shardedModel() throws IOException {
        Path model = Files.createDirectories(dir.resolve("model"));
        Random random = new Random(7);
        for (int i = 0; i < 6; i++) {
            byte[] shard = new byte[50_000 + i];
            random.nextBytes(shard);
            Files.write(model.resolve("model-0000" + i + "-of-00006.safetensors"), shard);
        }
        Files.writeString(model.resolve("config.json"), "{}");
        Files.createDirectories(model.resolve(".git"));
        Files.writeString(model.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        return model;
    }

    @Test
    void shardsHashedInParallelGiveTheSameDigest() throws IOException {
        Path model = shardedModel();

        String one = ContentDigest.of(model, 1L << 30, 1, DigestPrefetch.empty());

        assertThat(one).startsWith("sha256:").hasSize(71);
        for (int threads : new int[]{2, 4, 16}) {
            assertThat(ContentDigest.of(model, 1L << 30, threads, DigestPrefetch.empty())).as(threads + " threads").isEqualTo(one);
        }
    }

    @Test
    void aByteChangedInPlaceChangesTheDigestWhateverTheDate() throws IOException {
        Path model = shardedModel();
        String before = ContentDigest.of(model, 1L << 30, 2, DigestPrefetch.empty());

        RegistryFixture.flipByte(model.resolve("model-00003-of-00006.safetensors"), 1234);

        assertThat(ContentDigest.of(model, 1L << 30, 2, DigestPrefetch.empty())).isNotEqualTo(before);
    }

    @Test
    void renamingAFileChangesTheDigestAndGitDoesNot() throws IOException {
        Path model = shardedModel();
        String before = ContentDigest.of(model, 1L << 30, 1, DigestPrefetch.empty());

        Files.writeString(model.resolve(".git/HEAD"), "ref: refs/heads/other\n");
        assertThat(ContentDigest.of(model, 1L << 30, 1, DigestPrefetch.empty())).isEqualTo(before);

        Files.move(model.resolve("config.json"), model.resolve("config.json.bak"));
        assertThat(ContentDigest.of(model, 1L << 30, 1, DigestPrefetch.empty())).isNotEqualTo(before);
    }

    @Test
    void linksAreRecordedNotFollowedAndLargeUnitsAreRefusedBeforeReading() throws IOException {
        Path model = shardedModel();
        Files.createSymbolicLink(model.resolve("outside"), Path.of("/dev/zero"));

        assertThat(ContentDigest.of(model, 1L << 30, 2, DigestPrefetch.empty())).startsWith("sha256:");
        assertThatThrownBy(() -> ContentDigest.of(model, 1000, 2, DigestPrefetch.empty()))
                .isInstanceOf(ContentDigest.UnitTooLargeException.class).hasMessageContaining("larger than the limit");
    }
}
