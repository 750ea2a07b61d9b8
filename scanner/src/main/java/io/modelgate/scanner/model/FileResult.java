package io.modelgate.scanner.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything learned about one file on disk.
 *
 * @param path              the path as reported (relative to the scanned root where there is one)
 * @param format            detected format id of the outer file
 * @param innerFormats      formats found inside containers
 * @param size              size in bytes
 * @param sha256            hex digest of the bytes, null when unreadable
 * @param status            verdict for this file
 * @param findings          findings, sorted by location
 * @param incompleteReasons why analysis could not finish, empty when it did
 * @param facts             format facts (tensor counts, metadata) keyed by name
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

    /**
     * This result with findings and incomplete reasons added by a later pass (folder checks,
     * provenance), findings kept in report order and the status decided again.
     */
    public FileResult withAdded(List<Finding> moreFindings, List<String> moreReasons) {
        List<Finding> allFindings = new java.util.ArrayList<>(findings);
        allFindings.addAll(moreFindings);
        allFindings.sort(Finding.REPORT_ORDER);
        List<String> allReasons = new java.util.ArrayList<>(incompleteReasons);
        allReasons.addAll(moreReasons);
        FileStatus decided = FileStatus.decide(status == FileStatus.ERROR, !allReasons.isEmpty(), allFindings,
                status != FileStatus.SKIPPED);
        return new FileResult(path, format, innerFormats, size, sha256, decided, allFindings, allReasons, facts);
    }
}
