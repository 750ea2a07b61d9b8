package io.modelgate.scanner.analysis;

import io.modelgate.scanner.model.Rule;
import io.modelgate.scanner.model.Severity;

import java.util.List;

/** Rules about the scan itself: incomplete analysis, limits, links and unreadable files. */
public final class CoreRules {

    public static final Rule INCOMPLETE = new Rule("MG-GEN-001", Severity.MEDIUM, "scan",
            "Analysis incomplete",
            "A recognised format could not be analysed to the end (truncated or malformed data, a limit or the "
                    + "time-out was reached). What was found before the break is reported, but the file is not "
                    + "proven clean and fails the gate unless --allow-incomplete is given.");
    public static final Rule LIMIT_REACHED = new Rule("MG-GEN-002", Severity.HIGH, "scan",
            "Resource limit reached",
            "The file needed more than a configured limit (size, expansion, entries, nesting, opcodes). Hostile "
                    + "files use this to exhaust scanners; review why a model needs such sizes.");
    public static final Rule SYMLINK = new Rule("MG-GEN-003", Severity.INFO, "scan",
            "Symbolic link in model folder",
            "A link inside the scanned folder. Links pointing outside the scanned root are never followed; a "
                    + "loader following them may read files the publisher did not ship.");
    public static final Rule SYMLINK_ESCAPE = new Rule("MG-GEN-004", Severity.HIGH, "scan",
            "Symbolic link points outside the model",
            "A link resolves outside the scanned root. Loading the model would read files from elsewhere on the "
                    + "machine (for example credentials); it was not followed.");
    public static final Rule UNREADABLE = new Rule("MG-GEN-005", Severity.MEDIUM, "scan",
            "File could not be read",
            "The file could not be opened or read (permissions, I/O error). It is not proven clean.");
    public static final Rule TIMEOUT = new Rule("MG-GEN-006", Severity.HIGH, "scan",
            "Analysis timed out",
            "Analysis did not finish within --timeout. Files built to be slow to parse are a denial-of-service "
                    + "technique; the file is reported incomplete.");

    public static final List<Rule> ALL = List.of(INCOMPLETE, LIMIT_REACHED, SYMLINK, SYMLINK_ESCAPE, UNREADABLE, TIMEOUT);

    private CoreRules() {
    }
}
