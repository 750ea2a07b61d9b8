package io.modelgate.provenance.identity;

import io.modelgate.provenance.kb.KnowledgeBase;
import io.modelgate.scanner.model.ArtifactPath;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Location;
import io.modelgate.scanner.model.ScanReport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Provenance and license analysis over a finished scan: finds the model units, establishes each one's
 * family, publisher, base chain and license, and merges the findings into the report on the unit's anchor
 * file so the gate and the writers handle them like any other.
 */
public final class ProvenanceAnalysis {

    private ProvenanceAnalysis() {
    }

    public static ProvenanceResult analyze(ScanReport report, KnowledgeBase kb) {
        ProvenanceEngine engine = new ProvenanceEngine(kb);
        UnitLoader loader = new UnitLoader();
        List<ModelProvenance> models = new ArrayList<>();
        Map<String, List<Finding>> extra = new LinkedHashMap<>();
        for (UnitFiles unit : UnitDiscovery.discover(report)) {
            UnitAssessment assessment;
            try {
                ModelEvidenceInput input = loader.load(unit);
                if (!input.hasIdentityData() && unit.main().isEmpty()) {
                    continue;
                }
                assessment = engine.assess(input);
            } catch (RuntimeException e) {
                assessment = failed(unit, e);
            }
            models.add(assessment.model());
            for (Finding finding : assessment.findings()) {
                extra.computeIfAbsent(finding.location().path().segments().get(0), k -> new ArrayList<>()).add(finding);
            }
        }
        return new ProvenanceResult(merge(report, extra), models, kb.version());
    }

    /** A unit whose analysis broke is still listed, unidentified, with the reason as a finding. */
    private static UnitAssessment failed(UnitFiles unit, RuntimeException e) {
        Finding finding = Finding.of(ProvenanceRules.UNIDENTIFIED, Location.of(ArtifactPath.of(unit.anchor())), null,
                "Provenance analysis failed: " + e);
        ModelProvenance model = new ModelProvenance(unit.path(), unit.kind(), null, null, null, null, null, null, null,
                List.of(), 0, List.of(), null);
        return new UnitAssessment(model, List.of(finding));
    }

    private static ScanReport merge(ScanReport report, Map<String, List<Finding>> extra) {
        if (extra.isEmpty()) {
            return report;
        }
        List<FileResult> files = new ArrayList<>();
        for (FileResult old : report.files()) {
            List<Finding> added = extra.get(old.path());
            if (added == null) {
                files.add(old);
                continue;
            }
            files.add(old.withAdded(added, List.of()));
        }
        return new ScanReport(report.toolVersion(), report.startedAt(), report.durationMillis(), report.roots(), files,
                report.folders());
    }
}
