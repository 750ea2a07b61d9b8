package io.modelgate.verification.integrity;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A reviewed model's digest manifest ({@code modelgate.lock}, format in docs/lock-file.md): every
 * file of the folder with its size and SHA-256, links with their target, and the paths left out.
 *
 * @param ignore  paths not covered (relative, '/' separated), recorded so the check is reproducible
 * @param entries expected fingerprint per relative path
 */
public record LockFile(List<String> ignore, Map<String, Fingerprint> entries) {

    public static final int VERSION = 1;
    public static final String DEFAULT_NAME = "modelgate.lock";
    /** Left out by default: git metadata, the lock itself and detached signatures over it or the model. */
    public static final List<String> DEFAULT_IGNORE = List.of(".git", DEFAULT_NAME, DEFAULT_NAME + ".asc",
            DEFAULT_NAME + ".sig", "model.sig");

    public LockFile {
        ignore = List.copyOf(ignore);
        entries = java.util.Collections.unmodifiableMap(new TreeMap<>(entries));
    }

    public IgnoredPaths ignoredPaths() {
        return IgnoredPaths.of(ignore);
    }
}
