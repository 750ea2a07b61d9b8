package io.modelgate.scanner.xet;

import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.FileByteSource;
import io.modelgate.testkit.XetCacheLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Xet cache files are known only when place, name, header, length and checksum all agree. */
class XetCacheFilesTest {

    @TempDir
    Path tmp;

    private Path chunkCache() throws IOException {
        return Files.createDirectories(tmp.resolve("xet").resolve(XetCacheLayout.ENDPOINT_TAG).resolve("chunk-cache"));
    }

    private static byte[] hash(int seed) {
        byte[] hash = new byte[32];
        new Random(seed).nextBytes(hash);
        return hash;
    }

    private static Optional<ModelFormat> identify(Path file) throws IOException {
        try (FileByteSource source = FileByteSource.open(file)) {
            return XetCacheFiles.identify(file, source).map(XetCacheFiles.Identified::format);
        }
    }

    private static List<byte[]> chunks(String... texts) {
        List<byte[]> chunks = new ArrayList<>();
        for (String text : texts) {
            chunks.add(text.getBytes(StandardCharsets.UTF_8));
        }
        return chunks;
    }

    @Test
    void anItemAsHfXetWritesItIsAChunkCacheItem() throws IOException {
        Path item = XetCacheLayout.item(chunkCache(), hash(1), 3, chunks("first chunk", "second", "third"));
        assertThat(identify(item)).contains(ModelFormat.XET_CHUNK_CACHE);
    }

    @Test
    void theDocumentedFolderSpellingIsAcceptedToo() throws IOException {
        Path cache = Files.createDirectories(tmp.resolve("chunk_cache"));
        assertThat(identify(XetCacheLayout.item(cache, hash(2), 0, chunks("x")))).contains(ModelFormat.XET_CHUNK_CACHE);
    }

    @Test
    void aChangedByteBreaksTheChecksumAndTheItemIsNotKnown() throws IOException {
        Path item = XetCacheLayout.item(chunkCache(), hash(3), 0, chunks("model bytes", "more"));
        byte[] bytes = Files.readAllBytes(item);
        bytes[bytes.length - 1] ^= 1;
        Files.write(item, bytes);
        assertThat(identify(item)).isEmpty();
    }

    @Test
    void theSameItemOutsideTheCacheLayoutIsNotKnown() throws IOException {
        Path item = XetCacheLayout.item(chunkCache(), hash(4), 0, chunks("abc"));
        Path elsewhere = Files.createDirectories(tmp.resolve("models/aa/bb"));
        Path moved = Files.copy(item, elsewhere.resolve(item.getFileName().toString()));
        assertThat(identify(moved)).isEmpty();
        // the two-letter folder must be the key's start
        Path wrongPrefix = Files.createDirectories(chunkCache().resolve("zz").resolve(item.getParent().getFileName().toString()));
        assertThat(identify(Files.copy(item, wrongPrefix.resolve(item.getFileName().toString())))).isEmpty();
    }

    @Test
    void aNameWhoseRangeOrLengthDisagreesWithTheContentIsNotKnown() throws IOException {
        byte[] bytes = XetCacheLayout.itemBytes(chunks("one", "two"));
        Path key = XetCacheLayout.keyFolder(chunkCache(), hash(5));
        // a range of 3 chunks for a header of 2
        assertThat(identify(Files.write(key.resolve(XetCacheLayout.itemName(0, 3, bytes)), bytes))).isEmpty();
        // start not before end
        assertThat(identify(Files.write(key.resolve(XetCacheLayout.itemName(0, 0, bytes)), bytes))).isEmpty();
        // not base64 at all
        assertThat(identify(Files.write(key.resolve("model.bin"), bytes))).isEmpty();
    }

    @Test
    void offsetsThatDoNotIncreaseOrEndElsewhereAreNotAnItem() throws IOException {
        Path key = XetCacheLayout.keyFolder(chunkCache(), hash(6));
        byte[] good = XetCacheLayout.itemBytes(chunks("aa", "bb"));
        byte[] flat = good.clone();
        flat[8] = 0; // second offset 0: not strictly increasing
        assertThat(identify(Files.write(key.resolve(XetCacheLayout.itemName(0, 2, flat)), flat))).isEmpty();
        byte[] longer = java.util.Arrays.copyOf(good, good.length + 1); // data longer than the last offset
        assertThat(identify(Files.write(key.resolve(XetCacheLayout.itemName(0, 2, longer)), longer))).isEmpty();
    }

    @Test
    void shardFilesAreKnownByPlaceNameAndTag() throws IOException {
        Path env = tmp.resolve("xet").resolve(XetCacheLayout.ENDPOINT_TAG);
        Path cached = XetCacheLayout.shard(env.resolve("shard-cache"), "1fe4ffd5", new byte[64]);
        Path session = XetCacheLayout.shard(env.resolve("staging/shard-session"), "906ee184", new byte[8]);
        Path staged = XetCacheLayout.shard(env.resolve("staging/shard-session/xorb_metadata"), "ceeeb7ea", new byte[8]);
        assertThat(identify(cached)).contains(ModelFormat.XET_SHARD);
        assertThat(identify(session)).contains(ModelFormat.XET_SHARD);
        assertThat(identify(staged)).contains(ModelFormat.XET_SHARD);
        Path untagged = Files.write(env.resolve("shard-cache/other.mdb"), new byte[64]);
        assertThat(identify(untagged)).isEmpty();
        Path elsewhere = XetCacheLayout.shard(tmp.resolve("models"), "1fe4ffd5", new byte[64]);
        assertThat(identify(elsewhere)).isEmpty();
    }

    /** Fixed-seed property: every item hf_xet would write is known; any one changed byte makes it unknown. */
    @Test
    void randomItemsAreKnownAndAnySingleByteChangeIsNot() throws IOException {
        Random random = new Random(20261203L);
        Path cache = chunkCache();
        for (int i = 0; i < 200; i++) {
            List<byte[]> chunks = new ArrayList<>();
            for (int c = 1 + random.nextInt(5); c > 0; c--) {
                byte[] chunk = new byte[1 + random.nextInt(300)];
                random.nextBytes(chunk);
                chunks.add(chunk);
            }
            byte[] hash = new byte[32];
            random.nextBytes(hash);
            Path item = XetCacheLayout.item(cache, hash, random.nextInt(1000), chunks);
            assertThat(identify(item)).as("case %d", i).contains(ModelFormat.XET_CHUNK_CACHE);
            byte[] bytes = Files.readAllBytes(item);
            bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
            Files.write(item, bytes);
            assertThat(identify(item)).as("case %d changed", i).isEmpty();
        }
    }
}
