package io.modelgate.scanner.ggml;

import io.modelgate.scanner.model.Rule;
import io.modelgate.scanner.model.Severity;

import java.util.List;

/** Rules of the reader of llama.cpp's files before GGUF (ggml, ggmf, ggjt, ggla). */
public final class GgmlRules {

    public static final Rule MALFORMED_HEADER = new Rule("MG-GGML-001", Severity.HIGH, "integrity",
            "Malformed legacy GGML header",
            "The version or the hyperparameters of a ggml/ggmf/ggjt/ggla file are impossible (unknown version, "
                    + "negative or huge sizes). The old llama.cpp loaders trusted these numbers when allocating.");
    public static final Rule MALFORMED_VOCAB = new Rule("MG-GGML-002", Severity.HIGH, "integrity",
            "Malformed legacy GGML vocabulary",
            "A token length runs past the end of the file or is far beyond any real token. Old loaders read it "
                    + "into a buffer of that size.");
    public static final Rule MALFORMED_TENSOR = new Rule("MG-GGML-003", Severity.HIGH, "integrity",
            "Malformed legacy GGML tensor",
            "A tensor record breaks the format: dimension count outside 1..4, a non-positive dimension, a name "
                    + "length out of range, a repeated name, or data running past the end of the file.");
    public static final Rule UNKNOWN_TYPE = new Rule("MG-GGML-004", Severity.MEDIUM, "unknown",
            "Tensor type not checked in legacy GGML file",
            "A tensor uses a ggml type whose block size in this file version the reader does not know, so its "
                    + "size could not be checked and nothing after it was read.");

    public static final List<Rule> ALL = List.of(MALFORMED_HEADER, MALFORMED_VOCAB, MALFORMED_TENSOR, UNKNOWN_TYPE);

    private GgmlRules() {
    }
}
