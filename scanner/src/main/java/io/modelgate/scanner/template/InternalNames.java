package io.modelgate.scanner.template;

import java.util.Set;

/** Names that lead from a template value to the interpreter, and names only payloads use. */
final class InternalNames {

    /** Non-dunder attributes of functions, frames, generators and code objects that expose internals. */
    static final Set<String> INTERPRETER_ATTRIBUTES = Set.of("mro", "func_globals", "func_code", "f_globals",
            "f_locals", "f_builtins", "f_back", "f_code", "gi_frame", "gi_code", "cr_frame", "cr_code", "ag_frame",
            "ag_code", "tb_frame", "tb_next", "co_code", "co_consts", "im_func", "im_class", "func_closure",
            "cell_contents");
    /** Functions and modules whose only use in a template is running code, importing or touching files. */
    private static final Set<String> MODULES = Set.of("os", "subprocess", "sys", "builtins", "importlib", "posix",
            "pty", "shutil", "socket", "ctypes");
    private static final Set<String> DANGEROUS_CALLS = Set.of("popen", "system", "eval", "exec", "execfile", "import",
            "import_module", "load_module", "open", "read", "readlines", "getattr", "setattr", "delattr", "globals", "locals", "vars", "compile",
            "check_output", "check_call", "getoutput", "getstatusoutput", "Popen", "fork", "forkpty",
            "posix_spawn", "posix_spawnp", "startfile", "spawnl", "spawnle", "spawnlp", "spawnlpe", "spawnv",
            "spawnve", "spawnvp", "spawnvpe", "execl", "execle", "execlp", "execlpe", "execv", "execve", "execvp",
            "execvpe", "breakpoint");

    private InternalNames() {
    }

    /** Dunder names, name-mangled privates ({@code _TemplateReference__context}) and interpreter attributes. */
    static boolean isInternal(String name) {
        return (name.startsWith("_") && name.contains("__") && name.chars().anyMatch(Character::isLetter)
                && name.chars().allMatch(c -> c == '_' || Character.isLetterOrDigit(c)))
                || INTERPRETER_ATTRIBUTES.contains(name);
    }

    static boolean isPrivate(String name) {
        return name.startsWith("_") && !isInternal(name);
    }

    /** A function that runs code, imports or opens files, when called. */
    static boolean isDangerousCall(String name) {
        return DANGEROUS_CALLS.contains(name) || MODULES.contains(name);
    }

    /** A module name: reaching it as an attribute or variable is already part of a payload. */
    static boolean isModule(String name) {
        return MODULES.contains(name);
    }
}
