package io.modelgate.scanner.config;

import io.modelgate.scanner.model.Rule;
import io.modelgate.scanner.model.Severity;

import java.util.List;

/** Rules for configs that make a framework import, call, read or fetch what they name (docs/config-instantiation.md). */
public final class ConfigRules {

    public static final Rule DANGEROUS_TARGET = new Rule("MG-CFG-001", Severity.CRITICAL, "code-execution",
            "Config instantiates a dangerous callable",
            "A config key a framework follows when it builds objects (Hydra/OmegaConf _target_, class_path, a NeMo "
                    + "target, a YAML Python tag, a sentence-transformers module type, a diffusers or PEFT library "
                    + "reference) names a callable on the denylist: process execution, code evaluation, imports, "
                    + "file or network access, nested deserialisers. Loading the model runs it. Do not load it.");
    public static final Rule PYTHON_TAG = new Rule("MG-CFG-002", Severity.HIGH, "code-execution",
            "YAML tag constructs a Python object",
            "A !!python/object, object/apply, object/new, name or module tag makes PyYAML's unsafe loaders (yaml.load "
                    + "with Loader or UnsafeLoader, yaml.unsafe_load, old PyYAML defaults) import the module and "
                    + "call or build what it names. The target is outside the reviewed namespaces. Read the file with "
                    + "a safe loader only, or remove the tag.");
    public static final Rule UNREVIEWED_TARGET = new Rule("MG-CFG-003", Severity.MEDIUM, "review",
            "Config instantiates code outside the reviewed namespaces",
            "A config key a framework follows names a class or function that is not in the reviewed ML namespaces "
                    + "(torch, transformers, NeMo, Lightning, diffusers, ...): loading imports that module and calls "
                    + "it, and custom modules are code that runs. Check the code the name resolves to; the finding "
                    + "shows the key path.");
    public static final Rule PATH_LEAVES_MODEL = new Rule("MG-CFG-004", Severity.HIGH, "path-traversal",
            "Config path leaves the model",
            "A path a loader follows (a module folder, a checkpoint or file argument of an instantiated callable) is "
                    + "absolute or climbs out with '..': loading reads a file that is not part of the scanned model "
                    + "and was never analysed.");
    public static final Rule REMOTE_CODE = new Rule("MG-CFG-005", Severity.MEDIUM, "review",
            "Config fetches code or files from elsewhere",
            "A config enables remote code (trust_remote_code), names a custom pipeline that is downloaded at load "
                    + "time, or gives a URL to an instantiated callable. What is fetched is not part of the scanned "
                    + "artifact and can change after the scan; pin or vendor it.");
    public static final Rule REVIEWED_PYTHON_TAG = new Rule("MG-CFG-006", Severity.INFO, "inventory",
            "YAML tag constructs a reviewed Python object",
            "A YAML Python tag builds a standard data type or a class of a reviewed ML namespace (a pathlib path, an "
                    + "OrderedDict, a torch dtype). Only unsafe YAML loaders read it; the object itself is benign.");
    public static final Rule BASE_OUTSIDE_MODEL = new Rule("MG-CFG-007", Severity.MEDIUM, "review",
            "Base model is read from a local path outside the model",
            "An adapter config names its base model by an absolute or '..' path: loading the adapter loads that "
                    + "folder, which is not part of the scanned artifact. Scan the base model too.");
    public static final Rule UNRESOLVED_TARGET = new Rule("MG-CFG-008", Severity.MEDIUM, "review",
            "Config names its callable at load time",
            "A locator (hydra.utils.get_method, get_class, ...) is given no literal path, so the callable it returns "
                    + "is decided at load time and cannot be judged from the file.");

    public static final List<Rule> ALL = List.of(DANGEROUS_TARGET, PYTHON_TAG, UNREVIEWED_TARGET, PATH_LEAVES_MODEL,
            REMOTE_CODE, REVIEWED_PYTHON_TAG, BASE_OUTSIDE_MODEL, UNRESOLVED_TARGET);

    private ConfigRules() {
    }
}
