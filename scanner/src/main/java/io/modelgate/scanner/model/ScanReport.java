package io.modelgate.scanner.model;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The facts and findings of one scan, before any policy is applied. */
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
        for (FileResult file : files) {
            for (Finding f : file.findings()) {
                counts.merge(f.severity(), 1, Integer::sum);
            }
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

    public List<Finding> allFindings() {
        return files.stream().flatMap(f -> f.findings().stream()).toList();
    }
}
