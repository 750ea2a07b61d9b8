package io.modelgate.assessment;

import java.util.List;

/**
 * Expected-digest checks over a unit.
 *
 * @param lock     how the unit compares with the lock file
 * @param lockFile the lock file as given, null when none was
 * @param checks   every check that compared digests (lock, Hugging Face cache, download metadata, LFS pointers)
 * @param matched  each file whose digest matched an expected value, with where the value came from
 */
public record Integrity(LockStatus lock, String lockFile, List<IntegrityCheck> checks, List<DigestMatch> matched) {

    private static final Integrity NOT_CHECKED = new Integrity(LockStatus.NOT_CHECKED, null, List.of(), List.of());

    public Integrity {
        checks = List.copyOf(checks);
        matched = List.copyOf(matched);
    }

    /** No expected digest was available for the unit. */
    public static Integrity notChecked() {
        return NOT_CHECKED;
    }

    /**
     * A file whose digest matched.
     *
     * @param file   the file as shown in reports
     * @param digest {@code algorithm:hex} (a link: its target description)
     * @param source where the expected digest came from
     */
    public record DigestMatch(String file, String digest, String source) {
    }
}
