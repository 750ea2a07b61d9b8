package io.modelgate.scanner;

import io.modelgate.scanner.analysis.CoreRules;
import io.modelgate.scanner.binary.BinaryRules;
import io.modelgate.scanner.config.ConfigRules;
import io.modelgate.scanner.gguf.GgufRules;
import io.modelgate.scanner.archive.ArchiveRules;
import io.modelgate.scanner.lfs.LfsRules;
import io.modelgate.scanner.hf.HfRules;
import io.modelgate.scanner.model.Rule;
import io.modelgate.scanner.python.PythonRules;
import io.modelgate.scanner.template.TemplateRules;
import io.modelgate.scanner.numpy.NumpyRules;
import io.modelgate.scanner.safetensors.SafetensorsRules;
import io.modelgate.scanner.secrets.SecretRules;
import io.modelgate.scanner.pickle.PickleRules;
import io.modelgate.scanner.pytorch.PyTorchRules;
import io.modelgate.scanner.keras.KerasRules;
import io.modelgate.scanner.onnx.OnnxRules;
import io.modelgate.scanner.tensorflow.TensorflowRules;
import io.modelgate.scanner.ggml.GgmlRules;
import io.modelgate.scanner.flax.FlaxRules;
import io.modelgate.scanner.paddle.PaddleRules;
import io.modelgate.scanner.ollama.OllamaRules;

import io.modelgate.scanner.coreml.CoremlRules;
import io.modelgate.scanner.executorch.ExecutorchRules;
import io.modelgate.scanner.mxnet.MxnetRules;
import io.modelgate.scanner.openvino.OpenvinoRules;
import io.modelgate.scanner.skops.SkopsRules;
import io.modelgate.scanner.tflite.TfliteRules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Every rule the per-file engine and its own folder checks can emit (the full list adds the other modules'). */
public final class ScannerRules {

    private static final List<Rule> ALL = build();

    private ScannerRules() {
    }

    private static List<Rule> build() {
        List<Rule> rules = new ArrayList<>();
        rules.addAll(CoreRules.ALL);
        rules.addAll(TemplateRules.ALL);
        rules.addAll(HfRules.ALL);
        rules.addAll(PythonRules.ALL);
        rules.addAll(NumpyRules.ALL);
        rules.addAll(SafetensorsRules.ALL);
        rules.addAll(GgufRules.ALL);
        rules.addAll(BinaryRules.ALL);
        rules.addAll(LfsRules.ALL);
        rules.addAll(SecretRules.ALL);
        rules.addAll(PickleRules.ALL);
        rules.addAll(PyTorchRules.ALL);
        rules.addAll(OnnxRules.ALL);
        rules.addAll(TensorflowRules.ALL);
        rules.addAll(ArchiveRules.ALL);
        rules.addAll(KerasRules.ALL);
        rules.addAll(ConfigRules.ALL);
        rules.addAll(GgmlRules.ALL);
        rules.addAll(FlaxRules.ALL);
        rules.addAll(PaddleRules.ALL);
        rules.addAll(OllamaRules.ALL);
        rules.addAll(TfliteRules.ALL);
        rules.addAll(ExecutorchRules.ALL);
        rules.addAll(SkopsRules.ALL);
        rules.addAll(CoremlRules.ALL);
        rules.addAll(OpenvinoRules.ALL);
        rules.addAll(MxnetRules.ALL);
        return sortedUnique(rules);
    }

    /** The rules sorted by ID; an ID used twice is a programming error. Also used by rule packs built on top. */
    public static List<Rule> sortedUnique(List<Rule> rules) {
        Set<String> ids = new HashSet<>();
        for (Rule rule : rules) {
            if (!ids.add(rule.id())) {
                throw new IllegalStateException("duplicate rule id " + rule.id());
            }
        }
        List<Rule> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparing(Rule::id));
        return List.copyOf(sorted);
    }

    public static List<Rule> all() {
        return ALL;
    }

    public static Optional<Rule> byId(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
