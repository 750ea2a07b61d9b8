package io.modelgate.scanner.openvino;

import io.modelgate.scanner.model.Rule;
import io.modelgate.scanner.model.Severity;

import java.util.List;

/** Rules for OpenVINO IR models. */
public final class OpenvinoRules {

    public static final Rule CUSTOM_LAYER = new Rule("MG-OV-001", Severity.MEDIUM, "unknown",
            "Layer outside the standard operation sets",
            "A layer names an operation set other than OpenVINO's opsetN, or an operation type no standard "
                    + "operation set defines. OpenVINO runs it only through an extension library loaded into the "
                    + "runtime (native code); review where that extension comes from.");
    public static final Rule WEIGHTS_MISMATCH = new Rule("MG-OV-002", Severity.MEDIUM, "integrity",
            "Constant data outside the weights file",
            "A constant layer's data range lies beyond the end of the .bin weights file next to the model, or the "
                    + "weights file is missing. The model cannot load as shipped; a file placed there later would be "
                    + "read as weights.");

    public static final List<Rule> ALL = List.of(CUSTOM_LAYER, WEIGHTS_MISMATCH);

    private OpenvinoRules() {
    }
}
