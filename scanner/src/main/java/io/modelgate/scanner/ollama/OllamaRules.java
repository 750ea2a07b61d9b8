package io.modelgate.scanner.ollama;

import io.modelgate.scanner.model.Rule;
import io.modelgate.scanner.model.Severity;

import java.util.List;

/** Rules of the Ollama Modelfile, manifest and blob checks. */
public final class OllamaRules {

    public static final Rule PATH_ESCAPES = new Rule("MG-OLL-001", Severity.HIGH, "path-traversal",
            "Modelfile reads weights from outside the model",
            "A FROM or ADAPTER instruction names an absolute path, a home directory or a path climbing out of the "
                    + "Modelfile's folder: 'ollama create' reads whatever file sits there.");
    public static final Rule DIGEST_PATH = new Rule("MG-OLL-002", Severity.CRITICAL, "path-traversal",
            "Ollama manifest digest names a path",
            "A layer or config digest holds path characters. Ollama turns digests into blob file names, so such a "
                    + "digest makes it read or overwrite files outside its blob store (the attack behind CVE-2024-37032).");
    public static final Rule BAD_DIGEST = new Rule("MG-OLL-003", Severity.HIGH, "integrity",
            "Ollama manifest digest is not a digest",
            "A layer or config digest is not 'sha256:' followed by 64 lowercase hexadecimal digits, so it does not "
                    + "pin the blob's content.");
    public static final Rule BLOB_MISMATCH = new Rule("MG-OLL-004", Severity.CRITICAL, "integrity",
            "Ollama blob does not match its digest",
            "A file in an Ollama blob store is named after a SHA-256 digest that is not the digest of its content: "
                    + "the blob was replaced or altered after it was pulled.");
    public static final Rule UNKNOWN_LAYER = new Rule("MG-OLL-005", Severity.MEDIUM, "unknown",
            "Unknown Ollama layer type",
            "A manifest layer has a media type outside application/vnd.ollama.image.* (model, adapter, projector, "
                    + "template, system, params, messages, license). Review what the runtime does with it.");
    public static final Rule TEMPLATE_CALL = new Rule("MG-OLL-006", Severity.MEDIUM, "template",
            "Ollama template calls a function value",
            "A TEMPLATE uses Go's 'call' (runs a function held in the template data). Ollama's own templates never "
                    + "need it; review the template.");

    public static final List<Rule> ALL = List.of(PATH_ESCAPES, DIGEST_PATH, BAD_DIGEST, BLOB_MISMATCH, UNKNOWN_LAYER,
            TEMPLATE_CALL);

    private OllamaRules() {
    }
}
