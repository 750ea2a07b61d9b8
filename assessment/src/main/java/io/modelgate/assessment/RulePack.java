package io.modelgate.assessment;

import io.modelgate.provenance.license.LicenseRules;
import io.modelgate.provenance.identity.ProvenanceRules;
import io.modelgate.scanner.ScannerRules;
import io.modelgate.scanner.model.Rule;
import io.modelgate.verification.VerificationChecks;

import java.util.ArrayList;
import java.util.List;

/**
 * Every rule ModelGate can report: the scanner's own, integrity and signatures, provenance and license.
 * The list behind `modelgate rules` and every writer that describes rules.
 */
public final class RulePack {

    private static final List<Rule> ALL = build();

    private RulePack() {
    }

    private static List<Rule> build() {
        List<Rule> rules = new ArrayList<>(ScannerRules.all());
        rules.addAll(VerificationChecks.rules());
        rules.addAll(ProvenanceRules.ALL);
        rules.addAll(LicenseRules.ALL);
        return ScannerRules.sortedUnique(rules);
    }

    public static List<Rule> all() {
        return ALL;
    }
}
