package io.modelgate.scanner.coreml;

import io.modelgate.scanner.model.Rule;
import io.modelgate.scanner.model.Severity;

import java.util.List;

/** Rules for Core ML models. */
public final class CoremlRules {

    public static final Rule CUSTOM_LAYER = new Rule("MG-CML-001", Severity.MEDIUM, "unknown",
            "Neural network with a custom layer",
            "A layer of the neural network is a custom layer: Core ML runs the application's class of that name "
                    + "(conforming to MLCustomLayer) instead of a built-in layer. Review the code behind it.");
    public static final Rule CUSTOM_MODEL = new Rule("MG-CML-002", Severity.MEDIUM, "unknown",
            "Custom model implemented in code",
            "The model is a CustomModel: its whole computation is the application's class of that name "
                    + "(conforming to MLCustomModel). The file holds only parameters; review the code behind it.");
    public static final Rule WEIGHT_FILE_ESCAPES = new Rule("MG-CML-003", Severity.HIGH, "path-traversal",
            "Weight file outside the model package",
            "An ML program reads a weight blob from a file named by an absolute path or one that climbs out of the "
                    + "model package with '..'. Loading the model reads that file into the model.");
    public static final Rule LINKED_MODEL = new Rule("MG-CML-004", Severity.MEDIUM, "integrity",
            "Linked model loaded from a path",
            "The model links another compiled model found by file name and search path at load time. That model "
                    + "is not in this file and was not analysed; review where it comes from.");

    public static final List<Rule> ALL = List.of(CUSTOM_LAYER, CUSTOM_MODEL, WEIGHT_FILE_ESCAPES, LINKED_MODEL);

    private CoremlRules() {
    }
}
