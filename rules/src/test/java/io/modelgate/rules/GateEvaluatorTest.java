package io.modelgate.rules;

import io.modelgate.assessment.IncompleteReason;
import io.modelgate.assessment.ScanAssessment;
import io.modelgate.rules.gate.GateEvaluator;
import io.modelgate.rules.gate.GateOutcome;
import io.modelgate.rules.gate.GatePolicy;
import io.modelgate.rules.gate.GateResult;
import io.modelgate.scanner.model.ArtifactPath;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.FileStatus;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Location;
import io.modelgate.scanner.model.Rule;
import io.modelgate.scanner.model.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class GateEvaluatorTest {

    private static final Rule CRITICAL = new Rule("MG-TST-001", Severity.CRITICAL, "code", "t", "h");
    private static final Rule MEDIUM = new Rule("MG-TST-002", Severity.MEDIUM, "review", "t", "h");
    private static final Rule UNKNOWN = new Rule("MG-TST-003", Severity.MEDIUM, GatePolicy.UNKNOWN_CATEGORY, "t", "h");

    private final GateEvaluator evaluator = new GateEvaluator();

    private static FileResult file(String name, FileStatus status, Rule... rules) {
        List<Finding> findings = java.util.Arrays.stream(rules)
                .map(r -> Finding.of(r, Location.of(ArtifactPath.of(name)), null, "m"))
                .toList();
        return new FileResult(name, "pickle", Set.of(), 1, "00", status, findings, List.of(), Map.of());
    }

    private static ScanAssessment report(FileResult... files) {
        return new ScanAssessment("test", Instant.EPOCH, 0, List.of("."), null, List.of(), List.of(files), List.of(),
                List.of());
    }

    @Test
    void passesWhenNothingReachesTheThreshold() {
        GateResult result = evaluator.evaluate(report(file("a", FileStatus.FINDINGS, MEDIUM),
                file("b", FileStatus.CLEAN)), GatePolicy.defaults());
        assertThat(result.outcome()).isEqualTo(GateOutcome.PASS);
    }

    @Test
    void failsOnFindingsAtOrAboveThreshold() {
        GateResult result = evaluator.evaluate(report(file("a", FileStatus.FINDINGS, CRITICAL, MEDIUM)),
                GatePolicy.defaults());
        assertThat(result.outcome()).isEqualTo(GateOutcome.FAIL_FINDINGS);
        assertThat(result.blocking()).extracting(Finding::ruleId).containsExactly("MG-TST-001");
    }

    @Test
    void lowerThresholdMakesMediumBlocking() {
        GateResult result = evaluator.evaluate(report(file("a", FileStatus.FINDINGS, MEDIUM)),
                new GatePolicy(Severity.MEDIUM, false, false));
        assertThat(result.outcome()).isEqualTo(GateOutcome.FAIL_FINDINGS);
    }

    @Test
    void strictModeFailsOnUnknownConstructsOnly() {
        ScanAssessment report = report(file("a", FileStatus.FINDINGS, UNKNOWN), file("b", FileStatus.FINDINGS, MEDIUM));
        assertThat(evaluator.evaluate(report, GatePolicy.defaults()).outcome()).isEqualTo(GateOutcome.PASS);
        GateResult strict = evaluator.evaluate(report, new GatePolicy(Severity.HIGH, true, false));
        assertThat(strict.outcome()).isEqualTo(GateOutcome.FAIL_FINDINGS);
        assertThat(strict.blocking()).extracting(Finding::ruleId).containsExactly("MG-TST-003");
    }

    @Test
    void incompleteFilesFailUnlessAllowed() {
        ScanAssessment report = report(file("a", FileStatus.INCOMPLETE), file("b", FileStatus.ERROR),
                file("c", FileStatus.SKIPPED));
        GateResult result = evaluator.evaluate(report, GatePolicy.defaults());
        assertThat(result.outcome()).isEqualTo(GateOutcome.FAIL_INCOMPLETE);
        assertThat(result.incompleteFiles()).containsExactly("a", "b");
        assertThat(evaluator.evaluate(report, new GatePolicy(Severity.HIGH, false, true)).outcome())
                .isEqualTo(GateOutcome.PASS);
    }

    @Test
    void blockingFindingsWinOverIncompleteness() {
        GateResult result = evaluator.evaluate(report(file("a", FileStatus.INCOMPLETE, CRITICAL)),
                GatePolicy.defaults());
        assertThat(result.outcome()).isEqualTo(GateOutcome.FAIL_FINDINGS);
    }

    @Test
    void aFolderCheckThatCouldNotFinishFailsLikeAnIncompleteFile() {
        ScanAssessment scan = new ScanAssessment("test", Instant.EPOCH, 0, List.of("."), null, List.of(),
                List.of(file("a", FileStatus.CLEAN)), List.of(), List.of(new IncompleteReason("m", "lock unusable")));
        GateResult result = evaluator.evaluate(scan, GatePolicy.defaults());
        assertThat(result.outcome()).isEqualTo(GateOutcome.FAIL_INCOMPLETE);
        assertThat(result.incompleteFiles()).containsExactly("m");
    }
}
