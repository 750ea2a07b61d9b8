package io.modelgate.scanner.gguf;

import io.modelgate.scanner.model.Rule;
import io.modelgate.scanner.model.Severity;

import java.util.List;

/** Rules of the GGUF analyser. */
public final class GgufRules {

    public static final Rule MALFORMED_HEADER = new Rule("MG-GGUF-001", Severity.HIGH, "integrity",
            "Malformed GGUF header",
            "The version or the tensor/metadata counts are impossible for this file (unknown version, counts that "
                    + "cannot fit in the file). Loaders that trust these numbers allocate or read out of bounds.");
    public static final Rule MALFORMED_METADATA = new Rule("MG-GGUF-002", Severity.HIGH, "integrity",
            "Malformed GGUF metadata",
            "A metadata key or value breaks the format: unknown value type, string or array running past the end "
                    + "of the file, invalid boolean, duplicate key, bad alignment. Such values target parser bugs.");
    public static final Rule MALFORMED_TENSOR_INFO = new Rule("MG-GGUF-003", Severity.HIGH, "integrity",
            "Malformed GGUF tensor info",
            "A tensor description breaks the format: name too long or repeated, more than 4 dimensions, a size "
                    + "that overflows, or a first dimension that is not a whole number of quantisation blocks.");
    public static final Rule BAD_TENSOR_DATA = new Rule("MG-GGUF-004", Severity.HIGH, "integrity",
            "GGUF tensor data out of bounds",
            "A tensor's data lies outside the file, is not aligned to general.alignment, or overlaps another "
                    + "tensor. Loaders that map the file read out of bounds or alias weights.");
    public static final Rule UNKNOWN_TYPE = new Rule("MG-GGUF-005", Severity.MEDIUM, "unknown",
            "Unknown GGML tensor type",
            "A tensor uses a ggml type id this scanner does not know (newer or removed), so its size was not "
                    + "checked. Review the file or update ModelGate.");
    public static final Rule UNACCOUNTED_BYTES = new Rule("MG-GGUF-006", Severity.MEDIUM, "integrity",
            "Bytes in GGUF file not used by any tensor",
            "The data section has bytes beyond alignment padding that no tensor uses (a gap or trailing data). "
                    + "Writers do not leave such bytes; they can carry an appended payload.");
    public static final Rule CODE_IN_METADATA = new Rule("MG-GGUF-007", Severity.MEDIUM, "metadata",
            "Code or template in GGUF metadata",
            "A metadata string (other than the chat template, which is reviewed on its own) contains what looks "
                    + "like Python or shell code or a Jinja template. Review the value.");
    public static final Rule URL_IN_METADATA = new Rule("MG-GGUF-008", Severity.LOW, "metadata",
            "URL in GGUF metadata",
            "A metadata string outside the standard URL keys contains a URL. Review where it points.");

    public static final List<Rule> ALL = List.of(MALFORMED_HEADER, MALFORMED_METADATA, MALFORMED_TENSOR_INFO,
            BAD_TENSOR_DATA, UNKNOWN_TYPE, UNACCOUNTED_BYTES, CODE_IN_METADATA, URL_IN_METADATA);

    private GgufRules() {
    }
}
