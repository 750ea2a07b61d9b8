package io.modelgate.scanner.flax;

import io.modelgate.scanner.model.Rule;
import io.modelgate.scanner.model.Severity;

import java.util.List;

/** Rules of the Flax msgpack checkpoint reader. */
public final class FlaxRules {

    public static final Rule MALFORMED = new Rule("MG-FLAX-001", Severity.HIGH, "integrity",
            "Malformed msgpack checkpoint",
            "The msgpack stream breaks the format: a reserved byte, a length or count running past the end, nesting "
                    + "beyond any checkpoint, or bytes after the single top-level object that the loader rejects. "
                    + "Such input targets parser bugs or hides an appended payload.");
    public static final Rule UNKNOWN_EXTENSION = new Rule("MG-FLAX-002", Severity.MEDIUM, "unknown",
            "Unknown msgpack extension type",
            "A value uses a msgpack extension code Flax does not define (1 ndarray, 2 complex, 3 numpy scalar, "
                    + "4 tuple). What a loader's extension hook makes of it cannot be known from the file.");
    public static final Rule BAD_ARRAY = new Rule("MG-FLAX-003", Severity.HIGH, "integrity",
            "Array record does not match its data",
            "An ndarray extension is not the (shape, dtype, bytes) triple Flax writes, or its shape and dtype "
                    + "do not account for exactly the bytes it carries.");

    public static final List<Rule> ALL = List.of(MALFORMED, UNKNOWN_EXTENSION, BAD_ARRAY);

    private FlaxRules() {
    }
}
