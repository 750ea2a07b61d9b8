package io.modelgate.fleet;

import io.modelgate.scanner.digest.DigestPrefetch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A digest over everything a unit's result depends on: every file's relative name, size and SHA-256, link
 * targets as text (links are never followed), sorted by name. Recomputed from the bytes on every run: sizes and
 * modification times are never trusted to mean "unchanged". {@code .git} folders are left out, as the scanner
 * leaves them out.
 */
public final class ContentDigest {

    private ContentDigest() {
    }

    /**
     * {@code sha256:<hex>} of the unit at {@code unit} (a folder or a file).
     *
     * @param maxBytes most bytes read; a larger unit is refused before anything is read (it would not be
     *                 scanned either)
     * @param threads  files hashed in parallel: the shards of a large model are hashed side by side
     * @param kept     receives each file's digest, so the scan that may follow does not read the file again
     */
    public static String of(Path unit, long maxBytes, int threads, DigestPrefetch kept) throws IOException {
        Map<String, Path> files = new TreeMap<>();
        if (!Files.isDirectory(unit, LinkOption.NOFOLLOW_LINKS)) {
            files.put(unit.getFileName().toString(), unit);
        } else {
            Files.walkFileTree(unit, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.getFileName().toString().equals(".git") ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    files.put(unit.relativize(file).toString().replace('\\', '/'), file);
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        long total = 0;
        for (Path file : files.values()) {
            total += Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? Files.size(file) : 0;
        }
        if (total > maxBytes) {
            throw new UnitTooLargeException("unit larger than the limit of " + maxBytes + " bytes");
        }
        List<String> lines = hashAll(files, threads, kept);
        MessageDigest all = sha256();
        lines.forEach(line -> all.update(line.getBytes(StandardCharsets.UTF_8)));
        return "sha256:" + HexFormat.of().formatHex(all.digest());
    }

    /** One line per file, in name order. */
    private static List<String> hashAll(Map<String, Path> files, int threads, DigestPrefetch kept)
            throws IOException {
        List<String> lines = new ArrayList<>();
        if (threads <= 1 || files.size() <= 1) {
            for (Map.Entry<String, Path> e : files.entrySet()) {
                lines.add(entry(e.getValue(), e.getKey(), kept));
            }
            return lines;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, files.size()));
        try {
            List<Callable<String>> tasks = new ArrayList<>();
            files.forEach((name, file) -> tasks.add(() -> entry(file, name, kept)));
            for (Future<String> line : pool.invokeAll(tasks)) {
                lines.add(line.get());
            }
            return lines;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while hashing");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause().getMessage());
        } finally {
            pool.shutdownNow();
        }
    }

    private static String entry(Path file, String name, DigestPrefetch kept) throws IOException {
        if (Files.isSymbolicLink(file)) {
            return name + "\tlink\t" + Files.readSymbolicLink(file) + "\n";
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            // a pipe or device is never read (it could block or never end); the scanner reports it
            return name + "\tspecial\n";
        }
        long size = Files.size(file);
        // the scanner's own reader: one sequential pass, at the speed of the intrinsic
        return name + "\t" + size + "\t" + kept.hashAndKeep(file) + "\n";
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** sha256 hex of a text. */
    static String hex(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A unit over a size limit: reported incomplete, never read further. */
    static final class UnitTooLargeException extends IOException {
        UnitTooLargeException(String message) {
            super(message);
        }
    }
}
