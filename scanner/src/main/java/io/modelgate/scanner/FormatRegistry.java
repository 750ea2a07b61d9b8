package io.modelgate.scanner;

import io.modelgate.scanner.analysis.AnalysisEngine;
import io.modelgate.scanner.archive.compress.CompressedStreamAnalyzer;
import io.modelgate.scanner.archive.compress.LzmaAloneDetector;
import io.modelgate.scanner.archive.compress.ZlibStartDetector;
import io.modelgate.scanner.archive.sevenz.SevenZipAnalyzer;
import io.modelgate.scanner.archive.tar.PackageTarAnalyzer;
import io.modelgate.scanner.archive.tar.TarAnalyzer;
import io.modelgate.scanner.archive.tar.TarFlavorDetector;
import io.modelgate.scanner.archive.zip.PackageZipAnalyzer;
import io.modelgate.scanner.archive.zip.PyTorchZipAnalyzer;
import io.modelgate.scanner.archive.zip.SkopsZipAnalyzer;
import io.modelgate.scanner.archive.zip.ZipAnalyzer;
import io.modelgate.scanner.archive.zip.ZipFlavorDetector;
import io.modelgate.scanner.archive.zip.ZipTailDetector;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.detect.ContentDetector;
import io.modelgate.scanner.detect.FormatDetector;
import io.modelgate.scanner.detect.MagicDetector;
import io.modelgate.scanner.binary.ExecutableAnalyzer;
import io.modelgate.scanner.binary.ExecutableDetector;
import io.modelgate.scanner.binary.ScriptDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.folder.FolderAnalyzer;
import io.modelgate.scanner.config.UnitYamlFolderCheck;
import io.modelgate.scanner.hf.CustomCodeFolderAnalyzer;
import io.modelgate.scanner.hf.HfJsonAnalyzer;
import io.modelgate.scanner.hf.JsonDetector;
import io.modelgate.scanner.hf.ModelCardAnalyzer;
import io.modelgate.scanner.hf.ModelCardDetector;
import io.modelgate.scanner.python.PythonSourceAnalyzer;
import io.modelgate.scanner.python.PythonSourceDetector;
import io.modelgate.scanner.template.JinjaContentDetector;
import io.modelgate.scanner.template.JinjaTemplateAnalyzer;
import io.modelgate.scanner.template.JinjaTemplateDetector;
import io.modelgate.scanner.joblib.JoblibArrays;
import io.modelgate.scanner.lfs.LfsPointerAnalyzer;
import io.modelgate.scanner.lfs.LfsPointerDetector;
import io.modelgate.scanner.text.TextAnalyzer;
import io.modelgate.scanner.text.TextDetector;
import io.modelgate.scanner.numpy.NumpyAnalyzer;
import io.modelgate.scanner.gguf.GgufAnalyzer;
import io.modelgate.scanner.pytorch.LegacyTorchAnalyzer;
import io.modelgate.scanner.pytorch.TarStoragesAnalyzer;
import io.modelgate.scanner.pytorch.TarTensorsAnalyzer;
import io.modelgate.scanner.pytorch.TorchTarMembers;
import io.modelgate.scanner.safetensors.SafetensorsAnalyzer;
import io.modelgate.scanner.safetensors.SafetensorsDetector;
import io.modelgate.scanner.safetensors.ShardIndexAnalyzer;
import io.modelgate.scanner.pickle.PickleAnalyzer;
import io.modelgate.scanner.pickle.PickleDetector;
import io.modelgate.scanner.pickle.PickleObserver;
import io.modelgate.scanner.keras.KerasConfigAnalyzer;
import io.modelgate.scanner.keras.KerasConfigDetector;
import io.modelgate.scanner.keras.KerasHdf5Analyzer;
import io.modelgate.scanner.keras.KerasMetadataAnalyzer;
import io.modelgate.scanner.keras.KerasMetadataDetector;
import io.modelgate.scanner.onnx.OnnxAnalyzer;
import io.modelgate.scanner.onnx.OnnxDetector;
import io.modelgate.scanner.tensorflow.TensorflowAnalyzer;
import io.modelgate.scanner.tensorflow.FingerprintDetector;
import io.modelgate.scanner.tensorflow.TensorflowDetector;
import io.modelgate.scanner.protobuf.SentencePieceDetector;
import io.modelgate.scanner.ggml.GgmlAnalyzer;
import io.modelgate.scanner.ggml.GgmlDetector;
import io.modelgate.scanner.flax.FlaxAnalyzer;
import io.modelgate.scanner.flax.FlaxDetector;
import io.modelgate.scanner.llamafile.LlamafileAnalyzer;
import io.modelgate.scanner.llamafile.LlamafileDetector;
import io.modelgate.scanner.ollama.ModelfileAnalyzer;
import io.modelgate.scanner.ollama.ModelfileDetector;
import io.modelgate.scanner.ollama.OllamaBlobDigests;
import io.modelgate.scanner.ollama.OllamaManifestAnalyzer;
import io.modelgate.scanner.ollama.OllamaManifestDetector;
import io.modelgate.scanner.paddle.PaddleParamsAnalyzer;
import io.modelgate.scanner.paddle.PaddleParamsDetector;
import io.modelgate.scanner.paddle.PaddleProgramAnalyzer;
import io.modelgate.scanner.paddle.PaddleProgramDetector;

import io.modelgate.scanner.coreml.CoremlAnalyzer;
import io.modelgate.scanner.coreml.CoremlDetector;
import io.modelgate.scanner.executorch.ExecutorchAnalyzer;
import io.modelgate.scanner.mxnet.MxnetParamsAnalyzer;
import io.modelgate.scanner.mxnet.MxnetParamsDetector;
import io.modelgate.scanner.mxnet.MxnetSymbolDetector;
import io.modelgate.scanner.mxnet.SymbolGraphAnalyzer;
import io.modelgate.scanner.openvino.OpenvinoAnalyzer;
import io.modelgate.scanner.openvino.OpenvinoDetector;
import io.modelgate.scanner.executorch.ExecutorchDetector;
import io.modelgate.scanner.skops.SkopsSchemaAnalyzer;
import io.modelgate.scanner.skops.SkopsSchemaDetector;
import io.modelgate.scanner.tflite.TfliteAnalyzer;
import io.modelgate.scanner.tflite.TfliteDetector;

import java.util.List;
import java.util.Set;

/**
 * The explicit, ordered list of built-in detectors and analysers. A security-relevant parser set is
 * never discovered from the classpath: adding a format means adding a line here.
 */
public final class FormatRegistry {

    private FormatRegistry() {
    }

    /**
     * Loads and initialises every detector and analyser class (and the pickle globals list they read) without
     * scanning anything: start-up calls it while it waits for other work, since a first engine costs a small
     * scan about 60 ms of class initialisation.
     */
    public static void warmUp() {
        detectors();
        analyzers();
    }

    /** Detectors in the order they are tried: magic numbers first, structural sniffers after. */
    public static List<FormatDetector> detectors() {
        return List.of(
                new ZipFlavorDetector(),
                new TarFlavorDetector(),
                new MagicDetector(),
                new GgmlDetector(),
                new LlamafileDetector(),
                new ExecutableDetector(),
                new LfsPointerDetector(),
                new TfliteDetector(),
                new ExecutorchDetector(),
                new MxnetParamsDetector(),
                new SafetensorsDetector(),
                new KerasMetadataDetector(),
                new PaddleProgramDetector(),
                new CoremlDetector(),
                new TensorflowDetector(),
                new OnnxDetector(),
                new FingerprintDetector(),
                new SentencePieceDetector(),
                new KerasConfigDetector(),
                new OpenvinoDetector(),
                new MxnetSymbolDetector(),
                new SkopsSchemaDetector(),
                new PickleDetector(pickleObservers()),
                new FlaxDetector(),
                new PaddleParamsDetector(),
                new ZipTailDetector(),
                new OllamaManifestDetector(),
                new ModelfileDetector(),
                new JsonDetector(),
                new JinjaTemplateDetector(),
                new ModelCardDetector(),
                new PythonSourceDetector(),
                new ScriptDetector(),
                new JinjaContentDetector(),
                new LzmaAloneDetector(),
                new ZlibStartDetector(),
                new TextDetector());
    }

    public static List<FormatAnalyzer> analyzers() {
        PickleAnalyzer pickles = new PickleAnalyzer(pickleObservers());
        return List.of(
                new NumpyAnalyzer(),
                new SafetensorsAnalyzer(),
                new GgufAnalyzer(),
                pickles,
                new LegacyTorchAnalyzer(pickles),
                new TarStoragesAnalyzer(pickles),
                new TarTensorsAnalyzer(pickles),
                new OnnxAnalyzer(),
                new TensorflowAnalyzer(),
                new ZipAnalyzer(),
                new PyTorchZipAnalyzer(),
                new TarAnalyzer(),
                new TarAnalyzer(Set.of(ModelFormat.PYTORCH_TAR), TorchTarMembers::formatOf),
                new PackageZipAnalyzer(),
                new PackageTarAnalyzer(),
                new SevenZipAnalyzer(),
                new CompressedStreamAnalyzer(),
                new ExecutableAnalyzer(),
                new LfsPointerAnalyzer(),
                new HfJsonAnalyzer(),
                new JinjaTemplateAnalyzer(),
                new ModelCardAnalyzer(),
                new PythonSourceAnalyzer(),
                new TextAnalyzer(),
                new KerasConfigAnalyzer(),
                new KerasHdf5Analyzer(),
                new KerasMetadataAnalyzer(),
                new GgmlAnalyzer(),
                new FlaxAnalyzer(),
                new PaddleProgramAnalyzer(),
                new PaddleParamsAnalyzer(),
                new ModelfileAnalyzer(),
                new OllamaManifestAnalyzer(),
                new LlamafileAnalyzer(),
                new TfliteAnalyzer(),
                new ExecutorchAnalyzer(),
                new SkopsZipAnalyzer(),
                new SkopsSchemaAnalyzer(),
                new CoremlAnalyzer(),
                new OpenvinoAnalyzer(),
                new MxnetParamsAnalyzer(),
                new SymbolGraphAnalyzer());
    }

    /** Writers whose pickle streams carry inline data (joblib arrays), for pickle detection and analysis. */
    private static List<PickleObserver> pickleObservers() {
        return List.of(new JoblibArrays());
    }

    /** The folder checks of the scanner itself; integrity and signature checks come from their own module. */
    public static List<FolderAnalyzer> folderAnalyzers() {
        return List.of(
                new ShardIndexAnalyzer(),
                new CustomCodeFolderAnalyzer(),
                new UnitYamlFolderCheck(),
                new OllamaBlobDigests());
    }

    public static AnalysisEngine engine(Limits limits) {
        return new AnalysisEngine(new ContentDetector(detectors()), analyzers(), limits);
    }
}
