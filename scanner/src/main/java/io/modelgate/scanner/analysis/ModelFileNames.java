package io.modelgate.scanner.analysis;

import io.modelgate.scanner.detect.ContentDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * File names that model loaders open. Such a file that no analyser can read must not pass as skipped: a
 * loader may accept what detection did not recognise, so it is incomplete instead (see
 * docs/fail-closed.md for the list and its reasons).
 */
final class ModelFileNames {

    /** Extensions of files loaded by pickle-based or native model loaders. */
    private static final Set<String> MODEL_EXTENSIONS = Set.of(
            "pkl", "pickle", "pt", "pth", "ckpt", "joblib", "dill", "sav", "pdparams", "pdopt",
            "npy", "npz", "onnx", "pb", "gguf", "safetensors", "h5", "hdf5", "keras", "model");

    /**
     * Names other loaders claim, with what opens them (issue 17): each can carry code, a graph of operations
     * or paths a runtime follows. Binary content only: several of these names (.engine, .plan, .params) are
     * also used for text, which none of these loaders reads.
     */
    private static final java.util.Map<String, String> OTHER_LOADERS = java.util.Map.ofEntries(
            java.util.Map.entry("pdmodel", "a PaddlePaddle program"),
            java.util.Map.entry("pdiparams", "PaddlePaddle inference parameters"),
            java.util.Map.entry("params", "MXNet/Gluon parameters"),
            java.util.Map.entry("msgpack", "a Flax checkpoint"),
            java.util.Map.entry("flax", "a Flax checkpoint"),
            java.util.Map.entry("tflite", "a TensorFlow Lite model"),
            java.util.Map.entry("lite", "a TensorFlow Lite model"),
            java.util.Map.entry("mlmodel", "a Core ML model"),
            java.util.Map.entry("pte", "an ExecuTorch program"),
            java.util.Map.entry("ptl", "a PyTorch Lite model"),
            java.util.Map.entry("torchscript", "a TorchScript archive"),
            java.util.Map.entry("ort", "an ONNX Runtime model"),
            java.util.Map.entry("ggml", "a legacy llama.cpp model"),
            java.util.Map.entry("llamafile", "a llamafile"),
            java.util.Map.entry("nemo", "a NeMo archive"),
            java.util.Map.entry("skops", "a skops archive"),
            java.util.Map.entry("mar", "a TorchServe model archive"),
            java.util.Map.entry("engine", "a TensorRT engine"),
            java.util.Map.entry("plan", "a TensorRT engine"),
            java.util.Map.entry("xmodel", "a Vitis AI model"),
            java.util.Map.entry("mnn", "an MNN model"),
            java.util.Map.entry("caffemodel", "a Caffe model"),
            java.util.Map.entry("t7", "a Torch7 object"),
            java.util.Map.entry("dlc", "a Qualcomm SNPE container"),
            java.util.Map.entry("rknn", "a Rockchip RKNN model"));

    /** Torch7's ascii serialisation is text and still restores functions from their dumped bytecode. */
    private static final Set<String> OTHER_TEXT_EXTENSIONS = Set.of("t7");

    /** Ollama stores every layer as {@code blobs/sha256-<hex>}; ollama hands the model layer to llama.cpp. */
    private static final java.util.regex.Pattern OLLAMA_BLOB = java.util.regex.Pattern.compile("sha256[-:][0-9a-f]{64}");

    /**
     * Pickle loaders read protocol 0 and 1 pickles, which are text: for these, text is not a pass either.
     * Not {@code .pt}/{@code .pth}: torch writes binary pickles, and both names are common for text
     * (Python's site {@code .pth} path files, Portuguese documents).
     */
    private static final Set<String> PICKLE_EXTENSIONS = Set.of(
            "pkl", "pickle", "ckpt", "joblib", "dill", "sav", "pdparams", "pdopt");

    private ModelFileNames() {
    }

    /**
     * Why a file of this name and unread content is incomplete, or empty when skipping it is right.
     * {@code .bin} names many raw data files (ONNX external data, TF.js weight shards), so it counts only
     * when the content starts like what {@code torch.load} reads (a pickle protocol header or a zip). A file
     * of zero bytes only, and data positively identified by {@link KnownDataFiles}, are never claimed.
     */
    static Optional<String> unreadModel(String leafName, ModelFormat format, ByteSource source) throws IOException {
        if (format.isModelContent()) {
            return Optional.empty();
        }
        byte[] head = source.prefix(ContentDetector.HEAD_BYTES);
        String extension = extension(leafName);
        boolean text = format == ModelFormat.TEXT || KnownDataFiles.looksLikeText(head);
        boolean claimed = text ? PICKLE_EXTENSIONS.contains(extension) || OTHER_TEXT_EXTENSIONS.contains(extension)
                : MODEL_EXTENSIONS.contains(extension) || OTHER_LOADERS.containsKey(extension)
                || ollamaBlob(leafName) || (extension.equals("bin") && startsLikeTorchFile(head));
        if (!claimed || allZero(source) || (!text && KnownDataFiles.identify(source, head).isPresent())) {
            return Optional.empty();
        }
        String loader = OTHER_LOADERS.containsKey(extension) ? " (" + OTHER_LOADERS.get(extension) + ")"
                : ollamaBlob(leafName) ? " (an Ollama blob)" : "";
        return Optional.of("format not analysed: '" + leafName + "' has the name of a model file" + loader
                + " but is not recognised as any format ModelGate reads ("
                + (text ? "it reads as plain text" : "unknown content") + "); a loader may still accept it");
    }

    private static boolean ollamaBlob(String leafName) {
        String base = leafName.substring(Math.max(leafName.lastIndexOf('/'), leafName.lastIndexOf('\\')) + 1);
        return OLLAMA_BLOB.matcher(base).matches();
    }

    /**
     * Only zero bytes (a placeholder, or space reserved by a download that never finished): no loader reads
     * anything from it, and it can carry nothing.
     */
    private static boolean allZero(ByteSource source) throws IOException {
        byte[] block = new byte[64 * 1024];
        for (long p = 0; p < source.size(); ) {
            int n = source.read(p, block, 0, (int) Math.min(block.length, source.size() - p));
            if (n <= 0) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (block[i] != 0) {
                    return false;
                }
            }
            p += n;
        }
        return true;
    }

    private static boolean startsLikeTorchFile(byte[] head) {
        boolean pickleProtocol = head.length >= 2 && (head[0] & 0xff) == 0x80 && head[1] >= 0 && head[1] <= 5;
        boolean zip = head.length >= 2 && head[0] == 'P' && head[1] == 'K';
        return pickleProtocol || zip;
    }

    static String extension(String leafName) {
        String base = leafName.substring(Math.max(leafName.lastIndexOf('/'), leafName.lastIndexOf('\\')) + 1);
        int dot = base.lastIndexOf('.');
        return dot <= 0 ? "" : base.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
