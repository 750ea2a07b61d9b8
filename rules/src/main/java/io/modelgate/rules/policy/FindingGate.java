package io.modelgate.rules.policy;

import io.modelgate.assessment.IncompleteReason;
import io.modelgate.assessment.ModelAssessment;
import io.modelgate.assessment.ScanAssessment;
import io.modelgate.provenance.identity.ProvenanceRules;
import io.modelgate.provenance.license.LicenseRules;
import io.modelgate.scanner.analysis.CoreRules;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.FileStatus;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.pickle.PickleRules;

import java.util.Map;
import java.util.Set;

/**
 * The security gate: findings by severity, reviewed pickle imports, and files or checks that could not be
 * analysed completely. License and provenance findings are left to their sections and shown as notes.
 */
final class FindingGate {

    private static final Set<String> FACT_CATEGORIES = Set.of(LicenseRules.CATEGORY, ProvenanceRules.CATEGORY);
    /** Findings that only say analysis stopped: a limit or time-out makes a file incomplete, never rejects it. */
    private static final Set<String> INCOMPLETE_RULES = Set.of(CoreRules.INCOMPLETE.id(), CoreRules.LIMIT_REACHED.id(),
            CoreRules.TIMEOUT.id(), CoreRules.UNREADABLE.id());

    private FindingGate() {
    }

    static void check(ScanAssessment scan, Policy policy, Map<String, String> modelOfFile, Candidates out) {
        for (ModelAssessment model : scan.models()) {
            for (FileResult file : model.files()) {
                file.findings().forEach(f -> finding(f, model.path(), policy, out));
            }
            model.findings().forEach(f -> finding(f, model.path(), policy, out));
        }
        for (FileResult file : scan.otherFiles()) {
            file.findings().forEach(f -> finding(f, null, policy, out));
        }
        scan.findings().forEach(f -> finding(f, modelOfFile.get(f.location().path().toString()), policy, out));
        Effect incomplete = policy.gate().allowIncomplete() ? Effect.NOTE : Effect.REJECT;
        for (IncompleteReason reason : scan.allIncomplete()) {
            out.add(incomplete, ReasonCodes.INCOMPLETE, modelOfFile.get(reason.file()), null, reason.file(),
                    "not fully analysed: " + reason.reason());
        }
        for (FileResult file : scan.allFiles()) {
            boolean notAnalysed = file.status() == FileStatus.ERROR || file.status() == FileStatus.INCOMPLETE;
            if (notAnalysed && file.incompleteReasons().isEmpty()) {
                out.add(incomplete, ReasonCodes.INCOMPLETE, modelOfFile.get(file.path()), null, file.path(),
                        file.status() == FileStatus.ERROR ? "could not be read" : "not fully analysed");
            }
        }
    }

    private static void finding(Finding finding, String model, Policy policy, Candidates out) {
        if (INCOMPLETE_RULES.contains(finding.ruleId())) {
            Effect effect = policy.gate().allowIncomplete() ? Effect.NOTE : Effect.REJECT;
            out.addAbout(finding, effect, ReasonCodes.INCOMPLETE, model, "not fully analysed: ");
            return;
        }
        if (FACT_CATEGORIES.contains(finding.rule().category())) {
            out.addAbout(finding, Effect.NOTE, ReasonCodes.FINDING, model, "");
            return;
        }
        if (finding.ruleId().equals(PickleRules.UNKNOWN_IMPORT.id()) && policy.pickle().allows(finding.subject())) {
            out.note(ReasonCodes.PICKLE_ALLOWED, model, finding.ruleId(), finding.location().path().toString(),
                    "import " + finding.subject() + " accepted by pickle.allow");
            return;
        }
        Effect effect = policy.gate().effectOf(finding.severity(), finding.rule().category());
        if (effect == null) {
            return;
        }
        boolean bySeverity = policy.gate().failOn() != null && finding.severity().atLeast(policy.gate().failOn());
        String code = effect == Effect.REJECT && !bySeverity ? ReasonCodes.FINDING_UNREVIEWED : ReasonCodes.FINDING;
        out.addAbout(finding, effect, code, model, "");
    }
}
