package io.modelgate.scanner.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the folder checks established about one scanned folder: typed facts (integrity, signatures), the
 * findings they reported (each names the file concerned in its location, which may be a file that is not
 * there, such as a missing shard) and why a check could not finish, by file or folder. Nothing here is
 * merged into the files' own results; the assessment attaches it to the model unit concerned.
 *
 * @param path       the folder as reported
 * @param facts      typed fact records, at most one per type
 * @param findings   findings of the folder checks, in report order
 * @param incomplete reasons a check could not finish (fail closed), by the display path concerned
 */
public record FolderResult(String path, List<Object> facts, List<Finding> findings,
                           Map<String, List<String>> incomplete) {

    public FolderResult {
        facts = List.copyOf(facts);
        findings = findings.stream().sorted(Finding.REPORT_ORDER).toList();
        incomplete = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(incomplete));
    }

    /** The fact of a type, when a check recorded one. */
    public <T> Optional<T> fact(Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).findFirst();
    }
}
