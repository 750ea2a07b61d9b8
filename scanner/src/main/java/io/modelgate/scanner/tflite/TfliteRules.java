package io.modelgate.scanner.tflite;

import io.modelgate.scanner.model.Rule;
import io.modelgate.scanner.model.Severity;

import java.util.List;

/** Rules for TensorFlow Lite flatbuffer models. */
public final class TfliteRules {

    public static final Rule FLEX_REACHES_OUT = new Rule("MG-TFL-001", Severity.HIGH, "file-access",
            "Flex operation reads or writes files, calls Python or opens connections",
            "The model uses a Flex operation (a TensorFlow kernel run by the Flex delegate) such as FlexReadFile, "
                    + "FlexWriteFile, FlexSaveV2 or FlexRestoreV2. When the interpreter runs it, the model reads or "
                    + "writes files named by its own tensors, or reaches a network service or Python; nothing in a "
                    + "TFLite model needs that to compute its outputs.");
    public static final Rule CUSTOM_OPERATOR = new Rule("MG-TFL-002", Severity.MEDIUM, "unknown",
            "Custom operator",
            "The model uses a custom operator that is not part of TensorFlow Lite. Its kernel is native code the "
                    + "application must register; review where that code comes from and what it does.");
    public static final Rule FLEX_DIAGNOSTIC = new Rule("MG-TFL-003", Severity.MEDIUM, "file-access",
            "Flex operation writes diagnostics",
            "The model uses a Flex debug or summary operation that writes to files or URLs named by the graph. "
                    + "Unusual in a shipped model; review the destination.");

    public static final List<Rule> ALL = List.of(FLEX_REACHES_OUT, CUSTOM_OPERATOR, FLEX_DIAGNOSTIC);

    private TfliteRules() {
    }
}
