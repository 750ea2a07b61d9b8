package io.modelgate.scanner.onnx;

import io.modelgate.scanner.model.Rule;
import io.modelgate.scanner.model.Severity;

import java.util.List;

/** Rules for ONNX models. */
public final class OnnxRules {

    public static final Rule EXTERNAL_DATA_ESCAPES = new Rule("MG-ONNX-001", Severity.CRITICAL, "path-traversal",
            "External tensor data outside the model folder",
            "A tensor stores its data in an external file whose location is absolute, climbs out with '..', names "
                    + "a drive, or resolves through a link outside the model's folder. Loading the model reads that "
                    + "file (for example /etc/passwd or credentials) into the model, where it can be exfiltrated "
                    + "through outputs. ONNX requires locations relative to the model's folder.");
    public static final Rule EXTERNAL_DATA_MISSING = new Rule("MG-ONNX-002", Severity.HIGH, "integrity",
            "External tensor data file missing",
            "A tensor's external data file is not next to the model. The model cannot load as shipped, and a "
                    + "file placed there later would be read as weights. Ship the file or fix the location.");
    public static final Rule CUSTOM_DOMAIN = new Rule("MG-ONNX-003", Severity.MEDIUM, "unknown",
            "Operator from a custom domain",
            "A node uses an operator domain that is neither the ONNX standard nor a well-known runtime's. Such "
                    + "operators are implemented by a native plugin library that must be loaded into the runtime; "
                    + "review where that library comes from.");
    public static final Rule RUNTIME_DOMAIN = new Rule("MG-ONNX-004", Severity.INFO, "compatibility",
            "Operator from a runtime-specific domain",
            "A node uses a well-known runtime's contrib domain (for example com.microsoft from ONNX Runtime "
                    + "graph optimisation). Common and expected in optimised models; the model only runs on that "
                    + "runtime.");
    public static final Rule TENSOR_SIZE_MISMATCH = new Rule("MG-ONNX-005", Severity.MEDIUM, "integrity",
            "Tensor data does not match its shape",
            "A tensor's stored bytes (inline or external) disagree with its declared shape and type, or its "
                    + "external range lies beyond the end of the data file. The file is malformed or was altered.");

    public static final List<Rule> ALL = List.of(EXTERNAL_DATA_ESCAPES, EXTERNAL_DATA_MISSING, CUSTOM_DOMAIN,
            RUNTIME_DOMAIN, TENSOR_SIZE_MISMATCH);

    private OnnxRules() {
    }
}
