package io.modelgate.scanner.model;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The facts and findings of one scan, before any policy is applied: each file's result as the per-file
 * engine left it, and what the folder checks reported per folder.
 */
public record ScanReport(String toolVersion, Instant startedAt, long durationMillis, List<String> roots,
                         List<FileResult> files, List<FolderResult> folders) {

    public ScanReport {
        roots = List.copyOf(roots);
        files = List.copyOf(files);
        folders = List.copyOf(folders);
    }

    public Map<Severity, Integer> countBySeverity() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        for (Finding f : allFindings()) {
            counts.merge(f.severity(), 1, Integer::sum);
        }
        return counts;
    }

    public Map<FileStatus, Integer> countByStatus() {
        Map<FileStatus, Integer> counts = new EnumMap<>(FileStatus.class);
        for (FileStatus s : FileStatus.values()) {
            counts.put(s, 0);
        }
        for (FileResult file : files) {
            counts.merge(file.status(), 1, Integer::sum);
        }
        return counts;
    }

    /** Every file's findings in file order, then the folder checks' findings folder by folder. */
    public List<Finding> allFindings() {
        List<Finding> all = new java.util.ArrayList<>();
        files.forEach(f -> all.addAll(f.findings()));
        folders.forEach(f -> all.addAll(f.findings()));
        return List.copyOf(all);
    }
}
