package io.modelgate.scanner.lfs;

import io.modelgate.scanner.model.Rule;
import io.modelgate.scanner.model.Severity;

import java.util.List;

/** Rules for Git LFS pointer files found where weights should be. */
public final class LfsRules {

    public static final Rule POINTER = new Rule("MG-LFS-001", Severity.HIGH, "integrity",
            "Weights not downloaded (Git LFS pointer)",
            "The file is a Git LFS pointer, not the content it stands for: the repository was cloned without "
                    + "fetching LFS objects. The real weights were not scanned; run `git lfs pull` and scan again. "
                    + "The pointer's oid is the SHA-256 the downloaded file must have.");
    public static final Rule MALFORMED_POINTER = new Rule("MG-LFS-002", Severity.MEDIUM, "integrity",
            "Malformed Git LFS pointer",
            "The file starts like a Git LFS pointer but its oid or size is missing or invalid, so it cannot be "
                    + "resolved to the content it stands for.");

    public static final List<Rule> ALL = List.of(POINTER, MALFORMED_POINTER);

    private LfsRules() {
    }
}
