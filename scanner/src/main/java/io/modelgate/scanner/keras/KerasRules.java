package io.modelgate.scanner.keras;

import io.modelgate.scanner.model.Rule;
import io.modelgate.scanner.model.Severity;

import java.util.List;

/** Rules for Keras model configs (.keras archives and legacy HDF5 models). */
public final class KerasRules {

    public static final Rule LAMBDA_BYTECODE = new Rule("MG-KER-001", Severity.CRITICAL, "code-execution",
            "Lambda with serialized Python bytecode",
            "A Lambda layer (or another lambda in the config) carries marshalled Python bytecode. Loading the "
                    + "model with safe_mode=False, or any legacy HDF5 loader, rebuilds and runs that code. Replace "
                    + "it with a named, registered function, or treat the model as untrusted code.");
    public static final Rule DANGEROUS_REFERENCE = new Rule("MG-KER-002", Severity.CRITICAL, "code-execution",
            "Config references a dangerous Python module or function",
            "An object in the config names a module or function such as os.system, subprocess, eval or "
                    + "keras.config.enable_unsafe_deserialization. Keras versions that import the module named in a "
                    + "config run it while loading the model.");
    public static final Rule CUSTOM_OBJECT = new Rule("MG-KER-003", Severity.MEDIUM, "unknown",
            "Custom object outside Keras",
            "An object in the config comes from a module or registered package outside keras, keras_hub, "
                    + "keras_nlp, keras_cv and tf_keras. Loading needs that code; review where it comes from.");
    public static final Rule SIDE_EFFECT_FUNCTION = new Rule("MG-KER-004", Severity.HIGH, "network",
            "Config calls a Keras utility with side effects",
            "An object in the config names a Keras utility such as keras.utils.get_file that downloads or writes "
                    + "files when the model is loaded.");

    public static final Rule LOADS_LOCATION = new Rule("MG-KER-005", Severity.HIGH, "file-access",
            "Layer config reads a file, a model or a URL when loaded",
            "A layer's config names a location its constructor reads while the model is loaded: a vocabulary "
                    + "file of TextVectorization, StringLookup or IntegerLookup, a TensorFlow Hub handle, a SavedModel "
                    + "wrapped by TFSMLayer, a tokenizer file. The model then depends on, and discloses, whatever that "
                    + "path or URL holds on the loading machine; a downloaded model is never analysed here.");
    public static final Rule HDF5_EXTERNAL = new Rule("MG-KER-006", Severity.HIGH, "file-access",
            "HDF5 file links to another file",
            "An HDF5 external link names another file whose objects the reader opens in place of this one's, or "
                    + "a dataset keeps its raw data in external files. "
                    + "Loading then reads a file outside the model (weights or a whole model swapped in from the "
                    + "loading machine) that was never reviewed.");

    public static final List<Rule> ALL = List.of(LAMBDA_BYTECODE, DANGEROUS_REFERENCE, CUSTOM_OBJECT,
            SIDE_EFFECT_FUNCTION, LOADS_LOCATION, HDF5_EXTERNAL);

    private KerasRules() {
    }
}
