package io.modelgate.provenance.identity;

import io.modelgate.scanner.model.Finding;

import java.util.List;

/** The provenance of one unit and the findings about it (attached to the unit's anchor file). */
public record UnitAssessment(ModelProvenance model, List<Finding> findings) {

    public UnitAssessment {
        findings = List.copyOf(findings);
    }
}
