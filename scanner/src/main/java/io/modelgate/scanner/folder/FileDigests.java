package io.modelgate.scanner.folder;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * SHA-256 digests the scan already computed, by file on disk, so folder checks do not read a
 * multi-GB file a second time.
 */
public final class FileDigests {

    private static final FileDigests NONE = new FileDigests(Map.of());

    private final Supplier<Map<Path, String>> gather;
    private volatile Map<Path, String> byFile;

    public FileDigests(Map<Path, String> byFile) {
        this.byFile = Map.copyOf(byFile);
        this.gather = null;
    }

    private FileDigests(Supplier<Map<Path, String>> gather) {
        this.gather = gather;
    }

    /**
     * Digests gathered when first asked for: only signature checks ask, so a scan of many files and no
     * signature builds no map of them all.
     */
    public static FileDigests gatheredOnFirstUse(Supplier<Map<Path, String>> gather) {
        return new FileDigests(gather);
    }

    public static FileDigests none() {
        return NONE;
    }

    /** Canonical key for a file: absolute and normalised, links not resolved. */
    public static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }

    public Optional<String> sha256(Path file) {
        return Optional.ofNullable(byFile().get(key(file)));
    }

    private Map<Path, String> byFile() {
        Map<Path, String> known = byFile;
        if (known == null) {
            synchronized (this) {
                if (byFile == null) {
                    byFile = Map.copyOf(gather.get());
                }
                known = byFile;
            }
        }
        return known;
    }
}
