package io.modelgate.scanner.pickle;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GlobalPolicyTest {

    private final GlobalPolicy policy = GlobalPolicy.defaults();

    private GlobalPolicy.Verdict verdict(String module, String name) {
        String[] mapped = PythonNames.map(module, name);
        boolean renamed = !mapped[0].equals(module) || !mapped[1].equals(name);
        return policy.classify(new PickleValue.Global(mapped[0], mapped[1], renamed ? module : null,
                renamed ? name : null, 0)).verdict();
    }

    @Test
    void dangerousCallablesAreDenied() {
        String[][] denied = {
            {"os", "system"}, {"posix", "system"}, {"nt", "system"}, {"os", "execvp"}, {"subprocess", "Popen"},
            {"builtins", "eval"}, {"__builtin__", "eval"}, {"__builtin__", "apply"},
            {"builtins", "__import__"}, {"runpy", "run_path"}, {"importlib", "import_module"},
            {"importlib.machinery", "SourceFileLoader"}, {"pkgutil", "resolve_name"}, {"pickle", "loads"},
            {"_pickle", "loads"}, {"cPickle", "loads"}, {"dill", "loads"}, {"marshal", "loads"},
            {"types", "CodeType"}, {"types", "FunctionType"}, {"types", "SimpleNamespace.__init__"}, {"ctypes", "CDLL"}, {"socket", "socket"}, {"urllib.request", "urlopen"},
            {"urllib2", "urlopen"}, {"requests", "get"}, {"shutil", "rmtree"}, {"webbrowser", "open"},
            {"operator", "attrgetter"}, {"multiprocessing.context", "Process"},
            {"sys", "modules"}, {"torch.hub", "load_state_dict_from_url"}, {"torch", "load"},
            {"torch.serialization", "load"}, {"torch._C", "_jit_pass_inline"}, {"torch.fx.graph_module",
            "reduce_graph_module"}, {"numpy.testing._private.utils", "runstring"}, {"numpy.f2py", "compile"},
            {"commands", "getoutput"}, {"_io", "FileIO"}, {"bdb", "Bdb"}, {"bdb", "Bdb.run"},
            {"posixpath", "os.system"}, {"collections", "os.system"}, {"sklearn.utils._testing",
            "assert_run_python_script"}, {"copyreg", "add_extension"}, {"platform", "popen"},
        };
        for (String[] g : denied) {
            assertThat(verdict(g[0], g[1])).as(g[0] + " " + g[1]).isEqualTo(GlobalPolicy.Verdict.DENY);
        }
    }

    @Test
    void newerCodeRunningHelpersAreDenied() {
        String[][] denied = {
            {"_xxsubinterpreters", "run_string"}, {"_interpreters", "exec"}, {"logging.handlers", "SMTPHandler"},
            {"logging", "FileHandler"}, {"_posixsubprocess", "fork_exec"}, {"pty", "spawn"}, {"code", "InteractiveInterpreter"},
            {"timeit", "timeit"}, {"cProfile", "run"}, {"pydoc", "pipepager"}, {"torch.hub", "load"},
            {"numpy.lib.format", "read_array"}, {"pip._internal.cli.main", "main"}, {"setuptools.sandbox", "run_setup"},
            {"IPython.core.interactiveshell", "InteractiveShell"}, {"transformers.dynamic_module_utils",
            "get_class_from_dynamic_module"}, {"compileall", "compile_dir"},
        };
        for (String[] g : denied) {
            assertThat(verdict(g[0], g[1])).as(g[0] + " " + g[1]).isEqualTo(GlobalPolicy.Verdict.DENY);
        }
    }

    @Test
    void partialAndGetattrAreJudgedByWhatTheyReach() {
        assertThat(verdict("functools", "partial")).isEqualTo(GlobalPolicy.Verdict.INDIRECT);
        assertThat(verdict("_functools", "partial")).isEqualTo(GlobalPolicy.Verdict.INDIRECT);
        assertThat(verdict("__builtin__", "getattr")).isEqualTo(GlobalPolicy.Verdict.INDIRECT);
        assertThat(verdict("operator", "methodcaller")).isEqualTo(GlobalPolicy.Verdict.DENY);
    }

    @Test
    void modelBuildingBlocksAreAllowed() {
        String[][] allowed = {
            {"torch._utils", "_rebuild_tensor_v2"}, {"torch._utils", "_rebuild_parameter"}, {"torch", "FloatStorage"},
            {"torch", "BFloat16Storage"}, {"torch", "Size"}, {"torch", "float16"}, {"torch.nn.modules.linear", "Linear"},
            {"collections", "OrderedDict"}, {"numpy.core.multiarray", "_reconstruct"}, {"numpy._core.multiarray",
            "scalar"}, {"numpy", "ndarray"}, {"numpy", "dtype"}, {"_codecs", "encode"}, {"copy_reg", "_reconstructor"},
            {"__builtin__", "set"}, {"builtins", "frozenset"}, {"__builtin__", "xrange"},
            {"sklearn.linear_model._logistic", "LogisticRegression"}, {"sklearn.tree._tree", "Tree"},
            {"joblib.numpy_pickle", "NumpyArrayWrapper"}, {"datetime", "datetime"}, {"decimal", "Decimal"},
            {"types", "SimpleNamespace"}, {"argparse", "Namespace"}, {"timm.layers.norm", "LayerNorm2d"},
            {"torchvision.models.resnet", "ResNet"}, {"torch.nn.functional", "gelu"},
            {"transformers.training_args", "TrainingArguments"}, {"transformers.trainer_utils", "IntervalStrategy"},
        };
        for (String[] g : allowed) {
            assertThat(verdict(g[0], g[1])).as(g[0] + " " + g[1]).isEqualTo(GlobalPolicy.Verdict.ALLOW);
        }
    }

    @Test
    void wildcardsNeverAllowAttributePathsDundersOrFunctions() {
        String[][] unknown = {
            {"sklearn.base", "BaseEstimator.__init__"}, {"sklearn.linear_model", "__getattr__"},
            {"sklearn.utils", "check_array"}, {"torch._utils", "_rebuild_tensor_v2.__globals__"},
            {"torch.nn.modules.module", "Module.__setstate__"}, {"mymodel.layers", "Block"}, {"__main__", "Net"},
            {"builtins", "print"}, {"numpy", "frombuffer"}, {"transformers.trainer_utils", "set_seed"},
            {"transformers", "AutoModel"},
        };
        for (String[] g : unknown) {
            assertThat(verdict(g[0], g[1])).as(g[0] + " " + g[1]).isEqualTo(GlobalPolicy.Verdict.UNKNOWN);
        }
        assertThat(verdict("joblib.numpy_pickle_compat", "NDArrayWrapper")).isEqualTo(GlobalPolicy.Verdict.REVIEW);
        assertThat(verdict("sklearn.externals._packaging.version", "Version")).isEqualTo(GlobalPolicy.Verdict.REVIEW);
    }

    @Test
    void policyCarriesAVersionAndLoaderPayloads() {
        assertThat(policy.version()).isEqualTo("3");
        assertThat(policy.classify(new PickleValue.Global("_pickle", "loads", null, null, 0)).payload())
                .isEqualTo(GlobalPolicy.Payload.PICKLE);
        assertThat(policy.classify(new PickleValue.Global("torch.storage", "_load_from_bytes", null, null, 0))
                .payload()).isEqualTo(GlobalPolicy.Payload.TORCH);
    }

    @Test
    void globsMatchLikeShellPatterns() {
        assertThat(GlobalPolicy.globMatches("_jit_*", "_jit_pass")).isTrue();
        assertThat(GlobalPolicy.globMatches("_jit_*", "jit")).isFalse();
        assertThat(GlobalPolicy.globMatches("*", "anything")).isTrue();
        assertThat(GlobalPolicy.globMatches("a*b*c", "axxbyyc")).isTrue();
        assertThat(GlobalPolicy.globMatches("a*b*c", "axxcyyb")).isFalse();
    }
}
