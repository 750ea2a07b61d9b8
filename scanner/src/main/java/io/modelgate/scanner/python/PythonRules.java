package io.modelgate.scanner.python;

import io.modelgate.scanner.model.Rule;
import io.modelgate.scanner.model.Severity;

import java.util.List;

/** Rules for Python source shipped with a model (trust_remote_code modules, TorchScript code). */
public final class PythonRules {

    public static final Rule PROCESS = new Rule("MG-PY-001", Severity.CRITICAL, "code-execution",
            "Python code starts processes",
            "The code calls os.system, os.popen, os.exec*/spawn*, subprocess, pty.spawn or similar. Model code "
                    + "runs inside the loading process with trust_remote_code; it has no reason to run commands.");
    public static final Rule NETWORK = new Rule("MG-PY-002", Severity.CRITICAL, "code-execution",
            "Python code opens network connections",
            "The code uses socket, urllib, requests, http.client, httpx, aiohttp, ftplib, smtplib, paramiko or "
                    + "similar. Loading a model must not contact the network from model code: it is how payloads "
                    + "are fetched and data is exfiltrated.");
    public static final Rule DYNAMIC_CODE = new Rule("MG-PY-003", Severity.CRITICAL, "code-execution",
            "Python code runs code built at run time",
            "eval, exec, compile, __import__ or importlib.import_module get an argument that is not a constant, "
                    + "so what runs cannot be reviewed from the file.");
    public static final Rule ENCODED_CODE = new Rule("MG-PY-004", Severity.CRITICAL, "code-execution",
            "Python code decodes a payload into code",
            "The code executes decoded data (exec of base64, zlib, rot13 or hex decoding), loads marshalled "
                    + "code objects or builds code objects directly: the classic way to hide a payload.");
    public static final Rule WRITES_OUTSIDE = new Rule("MG-PY-005", Severity.CRITICAL, "code-execution",
            "Python code writes or deletes files outside the model",
            "The code opens an absolute or home-relative path for writing, or removes, moves or overwrites "
                    + "such paths (shutil.rmtree, os.remove, ...). Model code must not touch the host's files.");
    public static final Rule CREDENTIALS = new Rule("MG-PY-006", Severity.CRITICAL, "code-execution",
            "Python code reads credentials",
            "The code reads a secret-looking environment variable (token, key, password) or a credential file "
                    + "(~/.ssh, ~/.aws, .netrc, /etc/passwd, the Hugging Face token, ...).");
    public static final Rule NATIVE_CODE = new Rule("MG-PY-007", Severity.CRITICAL, "code-execution",
            "Python code calls native code through ctypes or cffi",
            "The code loads shared libraries or manipulates memory through ctypes/cffi, bypassing every "
                    + "Python-level control.");
    public static final Rule UNPICKLES_DOWNLOAD = new Rule("MG-PY-008", Severity.CRITICAL, "code-execution",
            "Python code unpickles downloaded data",
            "pickle (or dill, cloudpickle) loads data fetched from the network in the same call: whoever serves "
                    + "that data runs code in the loading process.");
    public static final Rule UNPICKLES = new Rule("MG-PY-009", Severity.MEDIUM, "review",
            "Python code unpickles data",
            "The code calls pickle.load/loads (or dill, cloudpickle). Unpickling runs code from the data; review "
                    + "where the data comes from.");
    public static final Rule RISKY_IMPORT = new Rule("MG-PY-010", Severity.HIGH, "code-execution",
            "Python code imports a process, network or native-code module",
            "The code imports subprocess, socket, ctypes, marshal, requests, urllib.request or a similar module "
                    + "that modelling code does not need.");
    public static final Rule ENVIRONMENT_DUMP = new Rule("MG-PY-011", Severity.HIGH, "code-execution",
            "Python code reads the whole environment",
            "The code copies or iterates os.environ as a whole. The environment holds tokens and keys; modelling "
                    + "code reads at most named configuration switches.");
    public static final Rule CUSTOM_TORCH_OP = new Rule("MG-PY-012", Severity.MEDIUM, "review",
            "Code calls a custom torch.ops namespace",
            "The code calls an operator outside PyTorch's own namespaces (aten, prim, quantized, ...). Custom "
                    + "operators come from native libraries that must be installed and trusted separately.");

    public static final List<Rule> ALL = List.of(PROCESS, NETWORK, DYNAMIC_CODE, ENCODED_CODE, WRITES_OUTSIDE,
            CREDENTIALS, NATIVE_CODE, UNPICKLES_DOWNLOAD, UNPICKLES, RISKY_IMPORT, ENVIRONMENT_DUMP, CUSTOM_TORCH_OP);

    private PythonRules() {
    }
}
