package io.modelgate.scanner.keras;

import java.util.Set;

/** Which Python modules and functions a Keras config may name, and which ones are dangerous. */
final class KerasReferences {

    enum Verdict { KERAS, DANGEROUS, SIDE_EFFECT, CUSTOM }

    /** Packages Keras itself resolves objects from. */
    private static final Set<String> KERAS_PACKAGES = Set.of("keras", "keras_hub", "keras_nlp", "keras_cv", "tf_keras");

    /** Modules whose functions run commands, load code, or touch files and the network. */
    private static final Set<String> DANGEROUS_MODULES = Set.of("os", "posix", "nt", "subprocess", "sys", "shutil",
            "socket", "importlib", "pickle", "_pickle", "marshal", "runpy", "code", "codeop", "pty", "ctypes",
            "commands", "multiprocessing", "webbrowser", "urllib", "urllib2", "http", "requests", "ftplib",
            "telnetlib", "smtplib", "asyncio", "platform", "pdb", "timeit", "cProfile", "profile", "dill",
            "cloudpickle", "joblib", "io", "zipimport", "imp");

    /** Builtins that evaluate code, import modules or open files. */
    private static final Set<String> DANGEROUS_BUILTINS = Set.of("eval", "exec", "compile", "open", "__import__",
            "getattr", "setattr", "delattr", "globals", "locals", "vars", "input", "breakpoint", "help", "exit", "quit");

    /** Keras functions that switch off its own protections. */
    private static final Set<String> DANGEROUS_KERAS_FUNCTIONS = Set.of("enable_unsafe_deserialization");

    /** Keras utilities that download or write files. */
    private static final Set<String> SIDE_EFFECT_KERAS_FUNCTIONS = Set.of("get_file", "save_model", "save_weights",
            "load_model", "load_weights", "model_from_json", "model_from_yaml");

    private KerasReferences() {
    }

    /** Judges a module (may be empty) and the name of the object taken from it. */
    static Verdict ofModule(String module, String name) {
        String root = root(module);
        if (root.equals("builtins") || root.equals("__builtin__")) {
            return DANGEROUS_BUILTINS.contains(name) ? Verdict.DANGEROUS : Verdict.CUSTOM;
        }
        if (DANGEROUS_MODULES.contains(root) || DANGEROUS_MODULES.contains(module)) {
            return Verdict.DANGEROUS;
        }
        if (isKeras(module)) {
            if (DANGEROUS_KERAS_FUNCTIONS.contains(name)) {
                return Verdict.DANGEROUS;
            }
            return SIDE_EFFECT_KERAS_FUNCTIONS.contains(name) ? Verdict.SIDE_EFFECT : Verdict.KERAS;
        }
        return Verdict.CUSTOM;
    }

    /** Judges a registered name "package>name"; plain class names are Keras's own. */
    static Verdict ofRegisteredName(String registered) {
        int mark = registered.indexOf('>');
        if (mark < 0) {
            return DANGEROUS_KERAS_FUNCTIONS.contains(registered) ? Verdict.DANGEROUS : Verdict.KERAS;
        }
        return ofModule(registered.substring(0, mark), registered.substring(mark + 1));
    }

    private static boolean isKeras(String module) {
        return KERAS_PACKAGES.contains(root(module)) || module.equals("tensorflow.keras")
                || module.startsWith("tensorflow.keras.") || module.startsWith("tensorflow.python.keras");
    }

    private static String root(String module) {
        int dot = module.indexOf('.');
        return dot < 0 ? module : module.substring(0, dot);
    }
}
