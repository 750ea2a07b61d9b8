package io.modelgate.scanner.binary;

import io.modelgate.scanner.model.Rule;
import io.modelgate.scanner.model.Severity;

import java.util.List;

/**
 * Rules for programs shipped with a model. Severity follows where the program sits: no loader
 * needs a native binary, and inside a model file or archive it can only be a staged payload
 * (a pickle or custom code extracts and runs it), hence critical there. Scripts next to the
 * weights are common helpers (conversion, launch) and need review; inside an archive they are
 * as suspicious as a binary but readable, hence high.
 */
public final class BinaryRules {

    public static final Rule NATIVE_EXECUTABLE = new Rule("MG-EXE-001", Severity.HIGH, "executable",
            "Native executable in model folder",
            "An ELF, PE or Mach-O program ships with the model. Loading weights never needs one; custom code "
                    + "(trust_remote_code) or a setup step could run it. Remove it or justify it.");
    public static final Rule EMBEDDED_EXECUTABLE = new Rule("MG-EXE-002", Severity.CRITICAL, "executable",
            "Native executable inside a model file or archive",
            "A compiled program is hidden inside a model container. There is no legitimate reason for it; it is "
                    + "the payload a malicious pickle or loader hook extracts and runs.");
    public static final Rule SCRIPT = new Rule("MG-EXE-003", Severity.MEDIUM, "executable",
            "Executable script in model folder",
            "A script with a #! interpreter line ships with the model. Often a helper; review what it does "
                    + "before anyone runs it.");
    public static final Rule EMBEDDED_SCRIPT = new Rule("MG-EXE-004", Severity.HIGH, "executable",
            "Executable script inside a model file or archive",
            "A script with a #! interpreter line is packed inside a model container, where nothing needs it. "
                    + "Review it as a likely second stage.");

    public static final List<Rule> ALL = List.of(NATIVE_EXECUTABLE, EMBEDDED_EXECUTABLE, SCRIPT, EMBEDDED_SCRIPT);

    private BinaryRules() {
    }
}
