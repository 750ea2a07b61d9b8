package io.modelgate.provenance.license;

import io.modelgate.scanner.model.Rule;
import io.modelgate.scanner.model.Severity;

import java.util.List;

/** Findings about a model unit's license. Matters for review, not security failures: all medium. */
public final class LicenseRules {

    public static final String CATEGORY = "license";

    public static final Rule NO_LICENSE = new Rule("MG-LIC-001", Severity.MEDIUM, CATEGORY,
            "No license found",
            "Neither the model card, a LICENSE/NOTICE text, the GGUF metadata nor the weights' metadata names a "
                    + "license. Without one the model cannot be used or redistributed safely; the license shown is "
                    + "the one its detected base or family is published under, which a derivative keeps.");
    public static final Rule INHERITANCE_CONFLICT = new Rule("MG-LIC-002", Severity.MEDIUM, CATEGORY,
            "Declared license conflicts with the base model's license",
            "A derivative keeps the obligations of its base model's license. The model declares a license that "
                    + "differs from the one its base (declared or detected) is published under, and the base's terms "
                    + "bind derivatives (a Llama fine-tune declaring Apache-2.0, a research-only base under a "
                    + "commercial license). Both licenses are named; the base's obligations still apply.");
    public static final Rule DECLARATIONS_DISAGREE = new Rule("MG-LIC-003", Severity.MEDIUM, CATEGORY,
            "License declarations disagree",
            "The card, the license text in the repository, the GGUF metadata or the weights' metadata name "
                    + "different licenses. Find out which one the publisher actually grants.");
    public static final Rule UNRECOGNISED = new Rule("MG-LIC-004", Severity.MEDIUM, CATEGORY,
            "License not recognised",
            "A license is declared but neither its identifier nor any license text in the unit matches a license "
                    + "in the knowledge base (for example 'other' without a known license_name). Review the terms, "
                    + "or describe the license in a knowledge-base file (--kb).");

    public static final List<Rule> ALL = List.of(NO_LICENSE, INHERITANCE_CONFLICT, DECLARATIONS_DISAGREE, UNRECOGNISED);

    private LicenseRules() {
    }
}
