package io.modelgate.scanner.archive.zip;

import java.util.List;

/**
 * Everything a reader of either kind would extract from a zip: central directory members first, then
 * members only local headers reveal, and what disagreed between the two views.
 */
record ZipLayout(List<ZipMember> members, List<Discrepancy> discrepancies, boolean centralDirectoryFound) {
}
