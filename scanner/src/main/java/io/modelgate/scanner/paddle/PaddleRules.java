package io.modelgate.scanner.paddle;

import io.modelgate.scanner.model.Rule;
import io.modelgate.scanner.model.Severity;

import java.util.List;

/** Rules of the PaddlePaddle program and parameter readers. */
public final class PaddleRules {

    public static final Rule PYTHON_CALLBACK = new Rule("MG-PD-001", Severity.CRITICAL, "code-execution",
            "Paddle program calls a Python function",
            "A py_func operator runs a Python callable of the loading process when the program executes. Inference "
                    + "programs exported by Paddle do not contain it.");
    public static final Rule PATH_ESCAPES = new Rule("MG-PD-002", Severity.HIGH, "path-traversal",
            "Paddle program reads or writes a file outside the model",
            "A save, load or similar operator names an absolute path or one that climbs out of the model folder: "
                    + "running the program reads or overwrites that file.");
    public static final Rule FILE_ACCESS = new Rule("MG-PD-003", Severity.MEDIUM, "file-access",
            "Paddle program reads or writes files",
            "A save, load or similar operator names a file relative to the working directory. Exported inference "
                    + "programs read their parameters through the loader, not through such operators; review the path.");
    public static final Rule NETWORK = new Rule("MG-PD-004", Severity.HIGH, "network",
            "Paddle program serves or connects over the network",
            "A distributed-training operator (parameter server, RPC send/recv, NCCL id exchange) opens or connects to "
                    + "network endpoints when the program runs.");
    public static final Rule UNKNOWN_OP = new Rule("MG-PD-005", Severity.MEDIUM, "unknown",
            "Operator outside Paddle's reviewed set",
            "The program uses an operator type this scanner does not know: a custom operator needs its native library "
                    + "loaded by the user, or a newer Paddle operator. Review where it comes from.");
    public static final Rule MALFORMED_PARAMS = new Rule("MG-PD-006", Severity.HIGH, "integrity",
            "Malformed Paddle parameter file",
            "A tensor record of a .pdiparams file is impossible: unknown version, LoD or description lengths past the "
                    + "end, an unknown data type, or data that does not fit. Loaders trust these lengths.");

    public static final List<Rule> ALL = List.of(PYTHON_CALLBACK, PATH_ESCAPES, FILE_ACCESS, NETWORK, UNKNOWN_OP,
            MALFORMED_PARAMS);

    private PaddleRules() {
    }
}
