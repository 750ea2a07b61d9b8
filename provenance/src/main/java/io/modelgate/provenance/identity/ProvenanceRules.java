package io.modelgate.provenance.identity;

import io.modelgate.scanner.model.Rule;
import io.modelgate.scanner.model.Severity;

import java.util.List;

/** Findings about where a model unit comes from. Matters for review, not security failures: all medium. */
public final class ProvenanceRules {

    public static final String CATEGORY = "provenance";

    public static final Rule UNDECLARED_BASE = new Rule("MG-PROV-001", Severity.MEDIUM, CATEGORY,
            "Base model not declared",
            "The evidence in the files (architecture, vocabulary, special tokens, tensor layout) identifies the "
                    + "family, but the model is published under another name and declares no base model (no "
                    + "base_model in the card, no base in adapter or GGUF metadata). Renamed fine-tunes hide the "
                    + "license and origin they inherit; ask the publisher for the base.");
    public static final Rule DECLARED_MISMATCH = new Rule("MG-PROV-002", Severity.MEDIUM, CATEGORY,
            "Declared family or base differs from the evidence",
            "The card, config or GGUF metadata names a model of one family, while the vocabulary, special tokens "
                    + "and layout of the files belong to another. Both sides are shown; trust the files, and check "
                    + "the license of the family they point at.");
    public static final Rule RELABELLED_ARCHITECTURE = new Rule("MG-PROV-003", Severity.MEDIUM, CATEGORY,
            "Architecture label disagrees with the weights",
            "The architecture declared in config.json or GGUF metadata is not one the detected family ships "
                    + "under: the vocabulary, special tokens and tensor layout betray weights of another family "
                    + "relabelled as this architecture.");
    public static final Rule UNDECLARED_DISTILL = new Rule("MG-PROV-004", Severity.MEDIUM, CATEGORY,
            "Tokenizer and body come from different families",
            "The tokenizer and chat format belong to one family and the body (architecture, vocabulary, layout) "
                    + "to another, as in a distilled model, but the metadata declares only one of them. Both "
                    + "families' terms may apply.");
    public static final Rule UNIDENTIFIED = new Rule("MG-PROV-005", Severity.MEDIUM, CATEGORY,
            "Model family not identified",
            "The unit carries metadata but no family in the knowledge base matches it well enough, so its "
                    + "publisher, country and license terms are unknown. Describe the family in a knowledge-base "
                    + "file (--kb) if it is a known one.");

    public static final List<Rule> ALL = List.of(UNDECLARED_BASE, DECLARED_MISMATCH, RELABELLED_ARCHITECTURE,
            UNDECLARED_DISTILL, UNIDENTIFIED);

    private ProvenanceRules() {
    }
}
