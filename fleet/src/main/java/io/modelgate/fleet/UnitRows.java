package io.modelgate.fleet;

import io.modelgate.assessment.IncompleteReason;
import io.modelgate.assessment.ModelAssessment;
import io.modelgate.assessment.ScanAssessment;
import io.modelgate.provenance.identity.BaseModel;
import io.modelgate.rules.policy.Decision;
import io.modelgate.rules.policy.Reason;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.FileStatus;
import io.modelgate.scanner.model.OneLine;
import io.modelgate.scanner.model.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns one unit's assessment and decision into its row. */
final class UnitRows {

    private UnitRows() {
    }

    static UnitRow of(UnitSpec unit, String contentDigest, ScanAssessment scan, Decision decision, String bomPath,
                      long digestMillis, long scanMillis, long totalMillis, String tool, String policyVersion) {
        List<ModelAssessment> models = scan.models();
        Map<Severity, Integer> counts = scan.countBySeverity();
        List<String> baseChain = models.isEmpty() ? List.of()
                : models.get(0).identity().baseModels().stream().map(BaseModel::name).filter(Objects::nonNull)
                .toList();
        List<String> incomplete = new ArrayList<>();
        for (IncompleteReason r : scan.allIncomplete()) {
            incomplete.add(OneLine.of(r.reason().contains(r.file()) ? r.reason() : r.file() + ": " + r.reason()));
        }
        for (FileResult f : scan.allFiles()) {
            if (f.status() == FileStatus.ERROR && f.incompleteReasons().isEmpty()) {
                incomplete.add(OneLine.of(f.path() + ": could not be read"));
            }
        }
        long bytes = scan.allFiles().stream().mapToLong(FileResult::size).sum();
        return new UnitRow(unit.uri(), joined(models, ModelAssessment::digest), contentDigest, models.size(),
                joined(models, m -> m.identity().family()), joined(models, m -> m.identity().publisher()),
                joined(models, m -> m.identity().country()), baseChain,
                joined(models, m -> m.license() == null ? null : m.license().id()),
                joined(models, m -> m.signature().status().id()), decision.outcome().name(),
                decision.reasons().stream().map(UnitRows::reason).toList(), scan.isIncomplete(), incomplete,
                counts.get(Severity.CRITICAL), counts.get(Severity.HIGH), counts.get(Severity.MEDIUM),
                counts.get(Severity.LOW), counts.get(Severity.INFO), bytes, scan.allFiles().size(), digestMillis,
                scanMillis, totalMillis, false, bomPath, tool, policyVersion);
    }

    private static String reason(Reason r) {
        return OneLine.of(r.effect().name() + " " + r.code() + (r.ruleId() == null ? "" : " " + r.ruleId())
                + (r.file() == null ? "" : " " + r.file()) + ": " + r.message());
    }

    /** The distinct values of the models, in order, joined; null when none has one. */
    private static String joined(List<ModelAssessment> models, Function<ModelAssessment, String> value) {
        String text = models.stream().map(value).filter(Objects::nonNull).distinct()
                .collect(Collectors.joining(", "));
        return text.isEmpty() ? null : text;
    }
}
