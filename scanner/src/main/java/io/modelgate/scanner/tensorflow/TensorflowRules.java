package io.modelgate.scanner.tensorflow;

import io.modelgate.scanner.model.Rule;
import io.modelgate.scanner.model.Severity;

import java.util.List;

/** Rules for TensorFlow SavedModels and GraphDefs. */
public final class TensorflowRules {

    public static final Rule PYTHON_CALLBACK = new Rule("MG-TF-001", Severity.HIGH, "code-execution",
            "Graph calls back into Python",
            "PyFunc, PyFuncStateless and EagerPyFunc run a Python function of the loading process. The function "
                    + "is not in the graph, so the model only works together with code shipped elsewhere; review "
                    + "that code before running the model.");
    public static final Rule FILE_WRITE = new Rule("MG-TF-002", Severity.HIGH, "file-access",
            "Graph writes files",
            "An operation such as WriteFile or a dataset writer writes to the file system when the graph runs. "
                    + "A model can use it to drop or overwrite files (shell profiles, keys, code).");
    public static final Rule FILE_READ = new Rule("MG-TF-003", Severity.HIGH, "file-access",
            "Graph reads files",
            "An operation such as ReadFile, MatchingFiles or a file reader or dataset reads from the file system "
                    + "when the graph runs. A model can read local secrets and return them in its outputs.");
    public static final Rule NETWORK = new Rule("MG-TF-004", Severity.HIGH, "network",
            "Graph opens network connections",
            "An RPC operation connects to, or serves on, a network address when the graph runs.");
    public static final Rule DIAGNOSTIC_OUTPUT = new Rule("MG-TF-005", Severity.MEDIUM, "file-access",
            "Graph writes diagnostics to files",
            "Debug, summary or print operations configured to write to files or URLs. Unusual in a shipped "
                    + "model; review the destination.");
    public static final Rule FIXED_PATH = new Rule("MG-TF-006", Severity.HIGH, "path-traversal",
            "Checkpoint or asset operation with a fixed outside path",
            "A checkpoint or asset operation (SaveV2, RestoreV2, InitializeTableFromTextFile, ...) takes its "
                    + "path from a constant in the graph that is absolute, a URL, or climbs out with '..', instead of "
                    + "the path the loader supplies. Running it reads or writes that location.");

    public static final List<Rule> ALL = List.of(PYTHON_CALLBACK, FILE_WRITE, FILE_READ, NETWORK, DIAGNOSTIC_OUTPUT,
            FIXED_PATH);

    private TensorflowRules() {
    }
}
