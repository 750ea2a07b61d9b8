package io.modelgate.scanner.cache;

import io.modelgate.scanner.Limits;
import io.modelgate.scanner.ScannerRules;
import io.modelgate.scanner.ToolInfo;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.Rule;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-file results kept between scans ({@code scan --cache DIR}), so an unchanged file is not analysed again.
 *
 * <p>An entry is found by a key made of the file's SHA-256 (always recomputed: size and modification time are
 * never trusted), the path as reported, ModelGate's version and build, the scanner's rules and the limits of
 * the scan. The policy is not part of the key because it never reaches the per-file engine: it is applied to
 * the results, cached or not, on every run, as are the folder checks (signatures, locks, shard indexes) and the
 * assessment. Only complete results are kept: an incomplete one may depend on the time or the temporary disk
 * left, which another run may have.
 *
 * <p>An entry carries a SHA-256 of its content; one that is truncated, damaged, of another format or from
 * another key is a miss and is analysed again. The folder is bounded: once it holds more than its size limit,
 * the entries least recently used are removed at the end of the scan.
 */
public final class ResultCache {

    private static final byte[] MAGIC = "MGRC1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int DIGEST = 32;
    /** Larger entries are neither written nor read. */
    static final int MAX_ENTRY_BYTES = 16 * 1024 * 1024;

    private final Path dir;
    private final long maxBytes;
    private final byte[] scanKey;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    private ResultCache(Path dir, long maxBytes, byte[] scanKey) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.scanKey = scanKey;
    }

    /** A cache in {@code dir} (created if missing) for scans with these limits, holding at most maxBytes. */
    public static ResultCache open(Path dir, long maxBytes, Limits limits) throws IOException {
        Files.createDirectories(dir);
        if (!Files.isWritable(dir)) {
            throw new IOException("cache folder " + dir + " is not writable");
        }
        StringBuilder key = new StringBuilder("modelgate-result-cache 1\n");
        key.append(ToolInfo.version()).append('\n').append(buildIdentity()).append('\n').append(limits).append('\n');
        for (Rule rule : ScannerRules.all()) {
            key.append(rule).append('\n');
        }
        return new ResultCache(dir, maxBytes, sha256(key.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The cached result of the file shown as {@code path} with content {@code sha256}, if there is a sound one. */
    public Optional<FileResult> get(String path, String sha256, long size) {
        Path entry = entry(path, sha256);
        try {
            if (!Files.isRegularFile(entry) || Files.size(entry) > MAX_ENTRY_BYTES) {
                misses.incrementAndGet();
                return Optional.empty();
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(entry)) {
                bytes = in.readNBytes(MAX_ENTRY_BYTES + 1);
            }
            FileResult result = FileResultCodec.decode(body(bytes));
            if (!path.equals(result.path()) || !sha256.equals(result.sha256()) || size != result.size()) {
                throw new IOException("cache entry of another file");
            }
            touch(entry);
            hits.incrementAndGet();
            return Optional.of(result);
        } catch (IOException | RuntimeException e) {
            misses.incrementAndGet();
            return Optional.empty();
        }
    }

    /** Keeps a complete result; anything else, or a failure to write, is silently left out. */
    public void put(FileResult result) {
        if (result.sha256() == null || !result.incompleteReasons().isEmpty()) {
            return;
        }
        Path entry = entry(result.path(), result.sha256());
        Path temp = null;
        try {
            byte[] body = FileResultCodec.encode(result);
            if (body.length + MAGIC.length + DIGEST > MAX_ENTRY_BYTES) {
                return;
            }
            Files.createDirectories(entry.getParent());
            temp = Files.createTempFile(entry.getParent(), ".entry", ".tmp");
            try (var out = Files.newOutputStream(temp)) {
                out.write(MAGIC);
                out.write(sha256(body));
                out.write(body);
            }
            try {
                Files.move(temp, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, entry, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException | FileResultCodec.Uncacheable | RuntimeException e) {
            // not kept: the file is analysed again next time
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a stray temporary file is removed by the next trim
                }
            }
        }
    }

    public long hits() {
        return hits.get();
    }

    public long misses() {
        return misses.get();
    }

    /** Removes the least recently used entries (and stray temporary files) while the folder is over its limit. */
    public void trim() {
        record Entry(Path path, long size, FileTime used) {
        }
        List<Entry> entries = new ArrayList<>();
        long total = 0;
        try (DirectoryStream<Path> shards = Files.newDirectoryStream(dir)) {
            for (Path shard : shards) {
                if (!Files.isDirectory(shard) || shard.getFileName().toString().length() != 2) {
                    continue;
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(shard)) {
                    for (Path file : files) {
                        long size = Files.size(file);
                        FileTime used = Files.getLastModifiedTime(file);
                        boolean staleTemp = file.getFileName().toString().endsWith(".tmp")
                                && used.toMillis() < System.currentTimeMillis() - 3_600_000L;
                        if (staleTemp) {
                            Files.deleteIfExists(file);
                            continue;
                        }
                        entries.add(new Entry(file, size, used));
                        total += size;
                    }
                }
            }
            if (total <= maxBytes) {
                return;
            }
            entries.sort(Comparator.comparing(Entry::used));
            long target = maxBytes - maxBytes / 10;
            for (Entry entry : entries) {
                if (total <= target) {
                    break;
                }
                Files.deleteIfExists(entry.path());
                total -= entry.size();
            }
        } catch (IOException | RuntimeException e) {
            // trimming is best effort; the next scan tries again
        }
    }

    private Path entry(String path, String sha256) {
        MessageDigest md = newDigest();
        md.update(scanKey);
        md.update(path.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(sha256.getBytes(StandardCharsets.US_ASCII));
        String hex = HexFormat.of().formatHex(md.digest());
        return dir.resolve(hex.substring(0, 2)).resolve(hex.substring(2) + ".bin");
    }

    private static byte[] body(byte[] bytes) throws IOException {
        if (bytes.length < MAGIC.length + DIGEST
                || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IOException("not a cache entry");
        }
        byte[] body = Arrays.copyOfRange(bytes, MAGIC.length + DIGEST, bytes.length);
        if (!MessageDigest.isEqual(sha256(body), Arrays.copyOfRange(bytes, MAGIC.length, MAGIC.length + DIGEST))) {
            throw new IOException("damaged cache entry");
        }
        return body;
    }

    private static void touch(Path entry) {
        try {
            Files.setLastModifiedTime(entry, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException ignored) {
            // only the eviction order suffers
        }
    }

    /**
     * What tells one build from another when the version does not (development builds all say the same
     * version): the size and time of the scanner's own jar.
     */
    private static String buildIdentity() {
        try {
            var source = ResultCache.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return "unknown";
            }
            Path location = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(location)
                    ? Files.size(location) + "@" + Files.getLastModifiedTime(location).toMillis() : "classes";
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static byte[] sha256(byte[] data) {
        return newDigest().digest(data);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
