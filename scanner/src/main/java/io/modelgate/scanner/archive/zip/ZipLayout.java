package io.modelgate.scanner.archive.zip;

import io.modelgate.scanner.archive.ArchiveRules;

import java.util.List;

/**
 * Everything a reader of either kind would extract from a zip: central directory members first, then
 * members only local headers reveal, and what disagreed between the two views.
 */
record ZipLayout(List<ZipMember> members, List<Discrepancy> discrepancies, boolean centralDirectoryFound) {

    /** Entries share bytes: the construction of non-recursive zip bombs, whose members must not be expanded. */
    boolean overlapping() {
        return discrepancies.stream().anyMatch(d -> d.rule() == ArchiveRules.OVERLAPPING_ENTRIES);
    }
}
