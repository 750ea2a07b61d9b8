package io.modelgate.scanner.folder;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * SHA-256 digests the scan already computed, by file on disk, so folder checks do not read a
 * multi-GB file a second time.
 */
public final class FileDigests {

    private static final FileDigests NONE = new FileDigests(Map.of());

    private final Map<Path, String> byFile;

    public FileDigests(Map<Path, String> byFile) {
        this.byFile = Map.copyOf(byFile);
    }

    public static FileDigests none() {
        return NONE;
    }

    /** Canonical key for a file: absolute and normalised, links not resolved. */
    public static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }

    public Optional<String> sha256(Path file) {
        return Optional.ofNullable(byFile.get(key(file)));
    }
}
