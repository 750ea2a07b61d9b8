package io.modelgate.rules;

import io.modelgate.rules.license.LicenseRules;
import io.modelgate.rules.provenance.ProvenanceRules;
import io.modelgate.scanner.RuleCatalog;
import io.modelgate.scanner.model.Rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every rule ModelGate can report: the scanner's catalog plus the rules of this module (provenance,
 * license). The list behind `modelgate rules` and every writer that describes rules.
 */
public final class RulePack {

    private static final List<Rule> ALL = build();

    private RulePack() {
    }

    private static List<Rule> build() {
        List<Rule> rules = new ArrayList<>(RuleCatalog.all());
        rules.addAll(ProvenanceRules.ALL);
        rules.addAll(LicenseRules.ALL);
        return RuleCatalog.sortedUnique(rules);
    }

    public static List<Rule> all() {
        return ALL;
    }

    public static Optional<Rule> byId(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
