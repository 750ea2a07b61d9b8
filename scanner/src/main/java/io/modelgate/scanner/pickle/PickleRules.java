package io.modelgate.scanner.pickle;

import io.modelgate.scanner.model.Rule;
import io.modelgate.scanner.model.Severity;

import java.util.List;

/** Rules of the static pickle analysis. */
public final class PickleRules {

    public static final Rule DANGEROUS_CALL = new Rule("MG-PKL-001", Severity.CRITICAL, "code-execution",
            "Pickle calls a dangerous callable on load",
            "Unpickling this data calls, instantiates or restores state into a global on the denylist (process "
                    + "execution, code evaluation, imports, file or network access, nested deserialisers). Loading the "
                    + "file runs that call with the arguments shown. Do not load it; obtain the model from a trusted "
                    + "source or in a weights-only format such as safetensors.");
    public static final Rule UNKNOWN_IMPORT = new Rule("MG-PKL-002", Severity.HIGH, "unknown",
            "Pickle imports a global outside the reviewed namespaces",
            "The pickle imports a module attribute that is not on the allowlist of reviewed ML-library and standard "
                    + "data types (it is on no list, or listed for review). Loading it imports that module, which runs "
                    + "the module's code, and calls the attribute if shown. New code-execution gadgets appear all the "
                    + "time, so anything unreviewed fails the default gate. When the global is the team's own model "
                    + "class, accept it in the policy (pickle.allow patterns such as mycompany.models.* match the "
                    + "subject) after checking the module is the one expected.");
    public static final Rule EXTENSION_OPCODE = new Rule("MG-PKL-003", Severity.HIGH, "obfuscation",
            "Pickle uses the copyreg extension registry (EXT opcode)",
            "EXT1/EXT2/EXT4 import whatever global the loading process registered under an integer code. The "
                    + "registry is empty by default, so the target cannot be known from the file: models have no "
                    + "reason to use it, and it hides the imported name from scanners.");
    public static final Rule UNRESOLVED_CALL = new Rule("MG-PKL-004", Severity.HIGH, "obfuscation",
            "Pickle calls something that is not an imported name",
            "A REDUCE/NEWOBJ/OBJ call target, or the operands of STACK_GLOBAL, are computed at load time (for "
                    + "example an attribute fetched with getattr or the result of another call) instead of being a "
                    + "plain import. Ordinary serialisers never produce this; it is typical of hand-built gadget "
                    + "chains that hide what is really called.");
    public static final Rule NESTED_PAYLOAD = new Rule("MG-PKL-005", Severity.HIGH, "code-execution",
            "Pickle loads a serialised payload embedded in it",
            "A loader (pickle.loads, torch.load, marshal.loads, ...) is called on bytes carried inside the pickle. "
                    + "The embedded pickle is analysed as a nested artifact (its findings are listed under the "
                    + "nested path); marshalled code objects and payloads computed at load time cannot be analysed.");
    public static final Rule DANGEROUS_IMPORT = new Rule("MG-PKL-006", Severity.CRITICAL, "code-execution",
            "Pickle imports a dangerous callable",
            "The pickle imports a global on the denylist without a visible direct call. Such a reference is "
                    + "passed to other callables or used in gadget chains to run it indirectly; a model file has no "
                    + "legitimate use for it.");
    public static final Rule MUTATES_GLOBAL = new Rule("MG-PKL-007", Severity.HIGH, "code-execution",
            "Pickle modifies an imported module object",
            "BUILD, APPEND, SETITEM or ADDITEMS is applied to an imported class, function or module-level object "
                    + "itself rather than to a new instance: loading overwrites attributes or contents of live "
                    + "program objects (configuration, registries, import paths), which can change what other code "
                    + "does later.");

    public static final Rule NESTED_CHECKPOINT = new Rule("MG-PKL-008", Severity.INFO, "inventory",
            "Pickle carries an embedded checkpoint",
            "An allowlisted loader rebuilds an object from bytes carried in the pickle (PyTorch pickles a lone "
                    + "storage as torch.storage._load_from_bytes). The embedded bytes are analysed as a nested "
                    + "artifact and their findings are listed under the nested path.");

    public static final Rule INDIRECT_REACH = new Rule("MG-PKL-009", Severity.CRITICAL, "code-execution",
            "Pickle reaches a callable through partial or getattr",
            "functools.partial or getattr is applied to something that is not allowlisted: a denied or unreviewed "
                    + "global, a value computed at load time, or a dunder attribute. Checkpoints use these only to "
                    + "rebuild allowlisted layers and bound methods; over anything else they are the usual way to reach "
                    + "a dangerous callable without naming it. The subject is what is reached.");

    public static final List<Rule> ALL = List.of(DANGEROUS_CALL, UNKNOWN_IMPORT, EXTENSION_OPCODE, UNRESOLVED_CALL,
            NESTED_PAYLOAD, DANGEROUS_IMPORT, MUTATES_GLOBAL, NESTED_CHECKPOINT, INDIRECT_REACH);

    private PickleRules() {
    }
}
