package io.modelgate.verification.integrity;

import io.modelgate.scanner.model.Rule;
import io.modelgate.scanner.model.Severity;

import java.util.List;

/** Rules about file digests checked against expected values (lock file, Hugging Face cache, LFS pointers). */
public final class IntegrityRules {

    public static final Rule DIGEST_MISMATCH = new Rule("MG-INT-001", Severity.CRITICAL, "integrity",
            "File differs from its expected digest",
            "The SHA-256 (or size) of the file on disk is not the one recorded for it by a lock file, the Hugging "
                    + "Face cache, download metadata or a Git LFS pointer. The bytes were changed after they were "
                    + "published or approved; do not load the model until the difference is explained.");
    public static final Rule FILE_ADDED = new Rule("MG-INT-002", Severity.HIGH, "integrity",
            "File not in the lock file",
            "The folder holds a file the approved lock file does not list. CI is not scanning exactly what was "
                    + "reviewed: an added file can be loaded by the model's code. Review it, then update the lock.");
    public static final Rule FILE_REMOVED = new Rule("MG-INT-003", Severity.HIGH, "integrity",
            "Locked file missing",
            "A file listed in the approved lock file is not in the folder. The model differs from what was "
                    + "reviewed.");
    public static final Rule LOCK_UNUSABLE = new Rule("MG-INT-004", Severity.HIGH, "integrity",
            "Lock file cannot be used",
            "The lock file given with --lock could not be read or is not a valid modelgate.lock; the folder is "
                    + "not proven to match the approved model.");
    public static final Rule FILE_KIND_CHANGED = new Rule("MG-INT-005", Severity.HIGH, "integrity",
            "Locked entry changed kind",
            "A path that the lock file records as a regular file is now a symbolic link, or the reverse, or a "
                    + "link now points elsewhere. Links can make a loader read files from outside the model.");

    public static final List<Rule> ALL = List.of(DIGEST_MISMATCH, FILE_ADDED, FILE_REMOVED, LOCK_UNUSABLE,
            FILE_KIND_CHANGED);

    private IntegrityRules() {
    }
}
