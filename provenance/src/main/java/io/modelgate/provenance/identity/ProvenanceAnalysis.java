package io.modelgate.provenance.identity;

import io.modelgate.provenance.kb.KnowledgeBase;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Location;

import java.util.List;
import java.util.Optional;

/**
 * Provenance and license analysis of one model unit from the facts the scan recorded: its family,
 * publisher, base chain and license, and the findings about them (located on the unit's anchor).
 */
public final class ProvenanceAnalysis {

    private final KnowledgeBase kb;
    private final ProvenanceEngine engine;
    private final UnitLoader loader = new UnitLoader();

    public ProvenanceAnalysis(KnowledgeBase kb) {
        this.kb = kb;
        this.engine = new ProvenanceEngine(kb);
    }

    public String kbVersion() {
        return kb.version();
    }

    /**
     * The unit's provenance; empty when the unit has neither weights nor metadata to identify it from (a
     * folder holding only a tokenizer is not a model). A unit whose analysis broke is still assessed,
     * unidentified, with the reason as a finding.
     */
    public Optional<UnitAssessment> assess(ModelUnit unit) {
        try {
            ModelEvidenceInput input = loader.load(unit);
            if (!input.hasIdentityData() && unit.main().isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(engine.assess(input));
        } catch (RuntimeException e) {
            return Optional.of(failed(unit, e));
        }
    }

    private static UnitAssessment failed(ModelUnit unit, RuntimeException e) {
        Finding finding = Finding.of(ProvenanceRules.UNIDENTIFIED, Location.of(unit.anchor()), null,
                "Provenance analysis failed: " + e.getMessage());
        ModelProvenance model = new ModelProvenance(unit.path(), unit.kind(), null, null, null, null, null, null, null,
                List.of(), 0, List.of(), null);
        return new UnitAssessment(model, List.of(finding));
    }
}
