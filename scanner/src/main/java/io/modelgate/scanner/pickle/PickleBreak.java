package io.modelgate.scanner.pickle;

/**
 * Why interpretation of a pickle stopped before its STOP opcode. Everything seen before the break
 * is still reported; the artifact is marked incomplete.
 */
final class PickleBreak extends Exception {

    private static final long serialVersionUID = 1L;

    enum Kind {
        /** The stream ended inside an opcode or before STOP. */
        TRUNCATED,
        /** Python's unpickler would raise here (bad opcode, stack underflow, missing memo key, ...). */
        MALFORMED,
        /** A configured limit of the scanner was reached. */
        LIMIT
    }

    private final Kind kind;
    private final long offset;

    PickleBreak(Kind kind, long offset, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.offset = offset;
    }

    Kind kind() {
        return kind;
    }

    long offset() {
        return offset;
    }

    /** A message for the report: what broke, and where. */
    String describe() {
        return getMessage() + " at offset " + offset;
    }
}
