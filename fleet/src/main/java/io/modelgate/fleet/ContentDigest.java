package io.modelgate.fleet;

import io.modelgate.scanner.digest.Sha256;

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
     * @param maxBytes most bytes read; a larger unit is refused (it would not be scanned either)
     */
    public static String of(Path unit, long maxBytes) throws IOException {
        List<String> lines = new ArrayList<>();
        long[] read = {0};
        if (!Files.isDirectory(unit, LinkOption.NOFOLLOW_LINKS)) {
            lines.add(entry(unit, unit.getFileName().toString(), read, maxBytes));
        } else {
            Files.walkFileTree(unit, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.getFileName().toString().equals(".git") ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    lines.add(entry(file, unit.relativize(file).toString().replace('\\', '/'), read, maxBytes));
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        lines.sort(null);
        MessageDigest all = sha256();
        lines.forEach(line -> all.update(line.getBytes(StandardCharsets.UTF_8)));
        return "sha256:" + HexFormat.of().formatHex(all.digest());
    }

    private static String entry(Path file, String name, long[] read, long maxBytes) throws IOException {
        if (Files.isSymbolicLink(file)) {
            return name + "\tlink\t" + Files.readSymbolicLink(file) + "\n";
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            // a pipe or device is never read (it could block or never end); the scanner reports it
            return name + "\tspecial\n";
        }
        long size = Files.size(file);
        read[0] += size;
        if (read[0] > maxBytes) {
            throw new UnitTooLargeException("unit larger than the limit of " + maxBytes + " bytes");
        }
        // the scanner's own reader: one sequential pass through a direct buffer, at the speed of the intrinsic
        String sha256 = Sha256.ofFile(file);
        return name + "\t" + size + "\t" + sha256 + "\n";
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
