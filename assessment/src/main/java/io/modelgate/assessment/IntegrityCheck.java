package io.modelgate.assessment;

import java.util.List;

/**
 * One expected-digest check.
 *
 * @param name       {@code lock}, {@code huggingface-cache-blob}, {@code huggingface-cache-snapshot},
 *                   {@code huggingface-download-metadata} or {@code git-lfs-pointer}
 * @param status     {@code match}, {@code mismatch} or {@code error}
 * @param files      number of files whose digest matched
 * @param detail     why the check could not run ({@code error}), else null
 * @param source     where the expected digests came from (the lock file, the cache, the metadata folder)
 * @param mismatched number of files whose digest differed
 * @param changed    names whose content changed (lock only; empty otherwise)
 * @param kindChanged names that changed between file and link (lock only)
 * @param added      names present but not in the lock (lock only)
 * @param removed    names in the lock but missing (lock only)
 */
public record IntegrityCheck(String name, String status, int files, String detail, String source, int mismatched,
                             List<String> changed, List<String> kindChanged, List<String> added,
                             List<String> removed) {

    public IntegrityCheck {
        changed = List.copyOf(changed);
        kindChanged = List.copyOf(kindChanged);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }
}
