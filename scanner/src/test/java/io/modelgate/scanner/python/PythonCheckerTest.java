package io.modelgate.scanner.python;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PythonCheckerTest {

    private static List<String> rules(String source) throws Exception {
        return PythonChecker.check(source, false).stream().map(i -> i.rule().id()).distinct().toList();
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
            "import os\\nos.system('id') => MG-PY-001",
            "import subprocess as sp\\nsp.check_output(['id']) => MG-PY-001",
            "from os import popen\\npopen('id').read() => MG-PY-001",
            "__import__('os').system('id') => MG-PY-001",
            "import importlib\\nimportlib.import_module('subprocess').run(['id']) => MG-PY-001",
            "import os\\ngetattr(os, 'system')('id') => MG-PY-001",
            "import os\\nos.execvp('sh', ['sh']) => MG-PY-001",
            "import requests\\nrequests.post('https://x.example', data=b'') => MG-PY-002",
            "import socket\\ns = socket.socket() => MG-PY-002",
            "from http import client\\nclient.HTTPSConnection('x') => MG-PY-002",
            "eval(input_text) => MG-PY-003",
            "import importlib\\nimportlib.import_module(name) => MG-PY-003",
            "exec(\"import os; os.system('id')\") => MG-PY-001",
            "import base64\\nexec(base64.b64decode('aW1wb3J0IG9z')) => MG-PY-004",
            "import codecs\\nexec(codecs.decode('vzcbeg bf', 'rot13')) => MG-PY-004",
            "import marshal\\ncode = marshal.loads(blob) => MG-PY-004",
            "import shutil\\nshutil.rmtree('/home') => MG-PY-005",
            "open('/etc/profile.d/x.sh', 'a').write('x') => MG-PY-005",
            "import os\\nopen(os.path.expanduser('~/.bashrc'), mode='w') => MG-PY-005",
            "import os\\nkey = os.environ['AWS_SECRET_ACCESS_KEY'] => MG-PY-006",
            "import os\\nt = os.getenv('OPENAI_API_KEY') => MG-PY-006",
            "data = open('/etc/passwd').read() => MG-PY-006",
            "import ctypes\\nctypes.CDLL('libc.so.6').system(b'id') => MG-PY-007",
            "import pickle, urllib.request\\nobj = pickle.loads(urllib.request.urlopen(u).read()) => MG-PY-008",
            "import pickle\\nobj = pickle.load(open(path, 'rb')) => MG-PY-009",
            "import socket => MG-PY-010",
            "import os\\nsend(dict(os.environ)) => MG-PY-011",
            "import os\\nfor k, v in os.environ.items(): pass => MG-PY-011",
            "import torch\\ny = torch.ops.evil_ns.run(x) => MG-PY-012",
            "import torch\\ntorch.ops.load_library('/tmp/x.so') => MG-PY-007",
            "x = f'{__import__(\"os\").system(\"id\")}' => MG-PY-001",
            "x = f'{n!r:>{__import__(\"os\").system(\"id\")}}' => MG-PY-001",
            "x = f'{__import__(\"os\").system(\"id\")!s}' => MG-PY-001",
            "import os\\ncmd = os.system \\\\n    ('id') => MG-PY-001",
    })
    void dangerousCodeIsFound(String source, String rule) throws Exception {
        assertThat(rules(source.replace("\\n", "\n"))).contains(rule);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
            "import os\\npath = os.path.join(pretrained_model_name_or_path, 'config.json')",
            "import os\\nverbosity = os.environ.get('TRANSFORMERS_VERBOSITY', 'warning')",
            "import os\\nos.environ['TOKENIZERS_PARALLELISM'] = 'false'",
            "import os\\nif 'LOCAL_RANK' in os.environ: rank = int(os.environ['LOCAL_RANK'])",
            "import importlib\\nif importlib.util.find_spec('flash_attn'): mod = importlib.import_module('flash_attn')",
            "class M:\\n    def system(self): return self.run()\\nm = M()\\nm.system()",
            "requests = []\\nrequests.append(1)",
            "# os.system('id') in a comment\\ns = 'os.system(\"id\")'",
            "import torch\\ny = torch.ops.aten.add(a, b)",
            "with open(os.path.join(save_directory, 'vocab.txt'), 'w', encoding='utf-8') as f: f.write(x)",
            "import os\\nos.makedirs(save_directory, exist_ok=True)",
            "x = eval('1 + 1')",
            "raise ValueError(f'Unsupported curve: {curve.name!r}')",
            "msg = f'{loss:.4f} at {step:>{width}d}, {a != b}, {d[\"k\"]!a:<8}, {when:%Y-%m-%d}, {x=}'",
    })
    void ordinaryModellingCodeIsClean(String source) throws Exception {
        assertThat(PythonChecker.check(source.replace("\\n", "\n"), false)).isEmpty();
    }

    @Test
    void torchScriptOpsNamespaces() throws Exception {
        String code = "def forward(self, x: Tensor) -> Tensor:\n  y = ops.prim.NumToTensor(1)\n"
                + "  return ops.my_vendor.secret_op(x, y)\n";

        List<PythonIssue> issues = PythonChecker.check(code, true);

        assertThat(issues).singleElement().satisfies(i -> {
            assertThat(i.rule()).isEqualTo(PythonRules.CUSTOM_TORCH_OP);
            assertThat(i.line()).isEqualTo(3);
        });
    }

    @Test
    void nestedConstantCodeKeepsItsLine() throws Exception {
        List<PythonIssue> issues = PythonChecker.check("x = 1\n\nexec('import os\\nos.system(1)')\n", false);

        assertThat(issues).anySatisfy(i -> {
            assertThat(i.rule()).isEqualTo(PythonRules.PROCESS);
            assertThat(i.line()).isEqualTo(4);
        });
    }
}
