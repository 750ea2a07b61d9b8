package io.modelgate.assessment;

import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.FileStatus;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Severity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The result of a whole scan as every reader (policy engine, report writers, SBOM) sees it. Immutable.
 *
 * @param toolVersion    version of ModelGate that scanned
 * @param startedAt      when the scan started
 * @param durationMillis how long the scan and the assessment took
 * @param roots          the paths given to scan, as given
 * @param kbVersion      version of the knowledge base that identified the models
 * @param models         one assessment per model unit, in report order
 * @param otherFiles     files that belong to no model unit (each file is listed once in the whole assessment)
 * @param findings       findings of folder checks about files in no unit (a lock mismatch on a stray file, a
 *                       missing file a manifest names), in report order
 * @param incomplete     why checks over files in no unit could not finish (fail closed: makes the scan incomplete)
 */
public record ScanAssessment(String toolVersion, Instant startedAt, long durationMillis, List<String> roots,
                             String kbVersion, List<ModelAssessment> models, List<FileResult> otherFiles,
                             List<Finding> findings, List<IncompleteReason> incomplete) {

    public ScanAssessment {
        roots = List.copyOf(roots);
        models = List.copyOf(models);
        otherFiles = List.copyOf(otherFiles);
        findings = List.copyOf(findings);
        incomplete = List.copyOf(incomplete);
    }

    /** Every file of every model, then the other files; each file once. */
    public List<FileResult> allFiles() {
        List<FileResult> all = new ArrayList<>();
        models.forEach(m -> all.addAll(m.files()));
        all.addAll(otherFiles);
        return List.copyOf(all);
    }

    /** File findings and unit findings, model by model, then those of other files and the scan level. */
    public List<Finding> allFindings() {
        List<Finding> all = new ArrayList<>();
        for (ModelAssessment model : models) {
            model.files().forEach(f -> all.addAll(f.findings()));
            all.addAll(model.findings());
        }
        otherFiles.forEach(f -> all.addAll(f.findings()));
        all.addAll(findings);
        return List.copyOf(all);
    }

    /** Every reason why analysis could not finish: files' own reasons, then unit and scan level ones. */
    public List<IncompleteReason> allIncomplete() {
        List<IncompleteReason> all = new ArrayList<>();
        for (FileResult file : allFiles()) {
            file.incompleteReasons().forEach(r -> all.add(new IncompleteReason(file.path(), r)));
        }
        models.forEach(m -> all.addAll(m.incomplete()));
        all.addAll(incomplete);
        return List.copyOf(all);
    }

    /** True when some file, unit or check could not be analysed completely, or a file could not be read. */
    public boolean isIncomplete() {
        return !allIncomplete().isEmpty()
                || allFiles().stream().anyMatch(f -> f.status() == FileStatus.ERROR);
    }

    public Map<Severity, Integer> countBySeverity() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        allFindings().forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        return counts;
    }

    public Map<FileStatus, Integer> countByStatus() {
        Map<FileStatus, Integer> counts = new EnumMap<>(FileStatus.class);
        for (FileStatus s : FileStatus.values()) {
            counts.put(s, 0);
        }
        allFiles().forEach(f -> counts.merge(f.status(), 1, Integer::sum));
        return counts;
    }
}
