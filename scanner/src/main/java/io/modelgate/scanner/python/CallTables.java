package io.modelgate.scanner.python;

import io.modelgate.scanner.model.Rule;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Qualified names of the calls the checks look for. A name matches an entry exactly, or starts
 * with an entry that ends in '.' (a whole module) or in a partial name ({@code os.exec} covers
 * {@code os.execv}, {@code os.execlp}, ...).
 */
final class CallTables {

    private record Entry(Rule rule, List<String> names) {
    }

    private static final List<Entry> CALLS = List.of(
            new Entry(PythonRules.PROCESS, List.of("os.system", "os.popen", "os.startfile", "os.fork", "os.forkpty",
                    "os.posix_spawn", "os.exec", "os.spawn", "posix.system", "nt.system", "subprocess.", "pty.spawn",
                    "pty.fork", "commands.", "popen2.", "platform.popen", "asyncio.create_subprocess_",
                    "pexpect.spawn", "pexpect.run")),
            new Entry(PythonRules.NETWORK, List.of("socket.", "urllib.request.", "urllib.urlopen",
                    "urllib.urlretrieve", "urllib2.", "urllib3.", "requests.", "http.client.", "httplib.", "httpx.",
                    "aiohttp.", "ftplib.", "smtplib.", "poplib.", "imaplib.", "telnetlib.", "paramiko.",
                    "websocket.", "websockets.", "xmlrpc.client.", "pycurl.")),
            new Entry(PythonRules.NATIVE_CODE, List.of("ctypes.", "_ctypes.", "cffi.", "torch.ops.load_library",
                    "torch.classes.load_library")),
            new Entry(PythonRules.ENCODED_CODE, List.of("marshal.load", "types.CodeType", "types.FunctionType")));

    static final Set<String> CODE_RUNNERS = Set.of("builtins.eval", "builtins.exec", "builtins.compile",
            "builtins.execfile", "runpy.run_path", "runpy.run_module");
    static final Set<String> IMPORTERS = Set.of("builtins.__import__", "importlib.import_module",
            "importlib.__import__");
    static final Set<String> DECODERS = Set.of("base64.", "binascii.", "codecs.decode", "zlib.decompress",
            "lzma.decompress", "bz2.decompress", "gzip.decompress", "bytes.fromhex", "marshal.");
    static final Set<String> PICKLE_LOADS = Set.of("pickle.load", "pickle.loads", "pickle.Unpickler",
            "cPickle.load", "cPickle.loads", "_pickle.load", "_pickle.loads", "dill.load", "dill.loads",
            "cloudpickle.load", "cloudpickle.loads", "joblib.load");
    static final Set<String> FILE_OPENERS = Set.of("builtins.open", "io.open", "codecs.open", "os.open");
    static final Set<String> FILE_CHANGERS = Set.of("shutil.rmtree", "shutil.move", "shutil.copy", "shutil.copy2",
            "shutil.copyfile", "shutil.copytree", "os.remove", "os.unlink", "os.rmdir", "os.removedirs", "os.rename",
            "os.replace", "os.chmod", "os.chown", "os.truncate", "os.symlink", "os.link");
    /** Builtins that need no import; a plain call resolves to builtins.name unless the name was rebound. */
    static final Set<String> BUILTINS = Set.of("eval", "exec", "compile", "execfile", "open", "__import__",
            "getattr", "memoryview");
    /** Modules whose import alone is out of place in modelling code. */
    static final Set<String> RISKY_MODULES = Set.of("subprocess", "pty", "commands", "popen2", "pexpect", "socket",
            "ctypes", "_ctypes", "cffi", "marshal", "requests", "urllib.request", "urllib2", "urllib3", "httpx",
            "aiohttp", "http.client", "httplib", "ftplib", "smtplib", "poplib", "imaplib", "telnetlib", "paramiko",
            "websocket", "websockets", "xmlrpc.client", "pycurl");
    /** PyTorch's own operator namespaces; anything else under torch.ops is a custom native library. */
    static final Set<String> TORCH_OP_NAMESPACES = Set.of("aten", "prim", "prims", "quantized", "_quantized",
            "quantized_decomposed", "_caffe2", "profiler", "prepacked", "c10d", "_c10d_functional",
            "_c10d_functional_autograd", "_dtensor", "higher_order", "rngprims", "debugprims", "mkldnn", "mkl",
            "onednn", "_inductor");
    /** Credential files and directories by path fragment. */
    static final Pattern CREDENTIAL_PATH = Pattern.compile("(?:^|[/\\\\~])(?:\\.ssh(?:[/\\\\]|$)|id_rsa|id_ed25519"
            + "|\\.aws[/\\\\]credentials|\\.aws(?:[/\\\\]|$)|\\.netrc|\\.git-credentials|\\.docker[/\\\\]config\\.json"
            + "|\\.kube[/\\\\]config|\\.pypirc|\\.npmrc|\\.huggingface[/\\\\]token|huggingface[/\\\\]token"
            + "|\\.config[/\\\\]gcloud|etc[/\\\\](?:passwd|shadow|sudoers))");
    /** Parts of an environment variable name that mark a secret: HF_TOKEN, OPENAI_API_KEY, DB_PASSWORD. */
    static final Set<String> SECRET_NAME_PARTS = Set.of("TOKEN", "TOKENS", "SECRET", "SECRETS", "PASSWORD",
            "PASSWD", "PASS", "KEY", "KEYS", "APIKEY", "CREDENTIAL", "CREDENTIALS", "AUTH", "COOKIE", "COOKIES");

    private CallTables() {
    }

    /** The rule for calling {@code qualified}, if it is one of the listed dangerous calls. */
    static Optional<Rule> dangerousCall(String qualified) {
        for (Entry entry : CALLS) {
            if (entry.names().stream().anyMatch(n -> matches(qualified, n))) {
                return Optional.of(entry.rule());
            }
        }
        return Optional.empty();
    }

    static boolean matchesAny(String qualified, Set<String> names) {
        return names.stream().anyMatch(n -> matches(qualified, n));
    }

    /** Exact match, a module prefix ending in '.', or a partial last name ({@code os.exec} for os.execv). */
    static boolean matches(String qualified, String name) {
        if (name.endsWith(".")) {
            return qualified.startsWith(name) || qualified.equals(name.substring(0, name.length() - 1));
        }
        if (qualified.equals(name)) {
            return true;
        }
        boolean partial = name.endsWith("exec") || name.endsWith("spawn") || name.endsWith("_")
                || name.endsWith("posix_spawn") || name.endsWith("popen") || name.endsWith("marshal.load");
        return partial && qualified.startsWith(name) && qualified.indexOf('.', name.length()) < 0;
    }

    static boolean isSecretName(String variable) {
        for (String part : variable.toUpperCase(java.util.Locale.ROOT).split("[^A-Z0-9]+")) {
            if (SECRET_NAME_PARTS.contains(part)) {
                return true;
            }
        }
        return false;
    }
}
