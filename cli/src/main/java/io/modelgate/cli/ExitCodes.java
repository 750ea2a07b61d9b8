package io.modelgate.cli;

/** Exit codes of {@code modelgate}: a public contract, documented in the README. */
public final class ExitCodes {

    /** Nothing at or above the fail threshold; every file fully analysed (or --allow-incomplete). */
    public static final int OK = 0;
    /** Findings at or above the fail threshold (or unknown constructs under --strict). */
    public static final int FINDINGS = 1;
    /** Usage error, or a file that could not be fully analysed, or an internal error (fail closed). */
    public static final int USAGE_OR_INCOMPLETE = 2;

    private ExitCodes() {
    }
}
