package io.modelgate.scanner.model;

import java.util.Locale;

/** Outcome of scanning one file. */
public enum FileStatus {
    /** A model format was analysed completely and nothing was found. */
    CLEAN,
    /** Analysis completed (or partly completed) with findings. */
    FINDINGS,
    /** A recognised format whose analysis could not finish: never counts as clean. */
    INCOMPLETE,
    /** The file could not be read at all. */
    ERROR,
    /** Not a model format: listed with its digest only. */
    SKIPPED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The status of a file from what its analysis produced; errors and incompleteness come first.
     * Info findings are facts for the record: they do not stop a file from being clean.
     */
    public static FileStatus decide(boolean error, boolean incomplete, java.util.List<Finding> findings,
                                    boolean analysed) {
        if (error) {
            return ERROR;
        }
        if (incomplete) {
            return INCOMPLETE;
        }
        if (findings.stream().anyMatch(f -> f.severity() != Severity.INFO)) {
            return FINDINGS;
        }
        return analysed ? CLEAN : SKIPPED;
    }
}
