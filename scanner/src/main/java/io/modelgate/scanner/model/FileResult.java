package io.modelgate.scanner.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the per-file engine learned about one file on disk (folder checks report separately, in
 * {@link FolderResult}).
 *
 * @param path              the path as reported (relative to the scanned root where there is one)
 * @param format            detected format id of the outer file
 * @param innerFormats      formats found inside containers
 * @param size              size in bytes
 * @param sha256            hex digest of the bytes, null when unreadable
 * @param status            verdict for this file
 * @param findings          findings, sorted by location
 * @param incompleteReasons why analysis could not finish, empty when it did
 * @param facts             format facts (tensor counts, metadata) keyed by name; an embedded artifact's
 *                          under {@code artifact-path#name}; typed records ({@code facts.TypedFact}) for
 *                          the assessment
 */
public record FileResult(
        String path,
        String format,
        Set<String> innerFormats,
        long size,
        String sha256,
        FileStatus status,
        List<Finding> findings,
        List<String> incompleteReasons,
        Map<String, Object> facts) {

    public FileResult {
        innerFormats = FactValues.canonicalSet(innerFormats);
        findings = List.copyOf(findings);
        incompleteReasons = incompleteReasons.stream().map(OneLine::of).toList();
        facts = FactValues.canonicalMap(facts);
    }
}
