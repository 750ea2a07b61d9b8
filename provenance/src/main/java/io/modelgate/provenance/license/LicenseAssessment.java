package io.modelgate.provenance.license;

import java.util.List;

/** The license verdict of a unit and the findings it gives rise to. */
public record LicenseAssessment(LicenseVerdict verdict, List<LicenseIssue> issues) {

    public LicenseAssessment {
        issues = List.copyOf(issues);
    }
}
