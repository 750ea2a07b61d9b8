package io.modelgate.scanner.detect;

/**
 * Every format ModelGate recognises. {@code model} is false for plain containers and non-model
 * files; a file whose format is not analysed at all is reported as skipped.
 */
public enum ModelFormat {
    PICKLE("pickle"),
    PYTORCH_ZIP("pytorch-zip", "zip"),
    TORCHSCRIPT("torchscript", "zip"),
    PYTORCH_LEGACY("pytorch-legacy"),
    PYTORCH_TAR("pytorch-tar", "tar"),
    /** The {@code storages} member of a PyTorch tar: pickles interleaved with raw storage records. */
    PYTORCH_TAR_STORAGES("pytorch-tar-storages"),
    /** The {@code tensors} member of a PyTorch tar: pickles interleaved with tensor geometry records. */
    PYTORCH_TAR_TENSORS("pytorch-tar-tensors"),
    NUMPY("numpy"),
    NPZ("npz", "zip"),
    JOBLIB("joblib"),
    ZIP("zip"),
    TAR("tar"),
    SEVEN_Z("7z"),
    /** An npm package tarball ({@code package/package.json}): software that may bundle models. */
    NPM_PACKAGE("npm-package", "tar"),
    /** A Python source distribution ({@code name-version/PKG-INFO}). */
    PYTHON_SDIST("python-sdist", "tar"),
    /** A Python wheel ({@code name-version.dist-info/WHEEL}). */
    PYTHON_WHEEL("python-wheel", "zip"),
    /** A Java archive (jar, war, ear) with {@code META-INF/MANIFEST.MF}. */
    JAVA_ARCHIVE("java-archive", "zip"),
    GZIP("gzip"),
    BZIP2("bzip2"),
    XZ("xz"),
    LZMA("lzma"),
    ZSTD("zstd"),
    ZLIB("zlib"),
    SAFETENSORS("safetensors"),
    GGUF("gguf"),
    ONNX("onnx"),
    KERAS("keras", "zip"),
    KERAS_CONFIG("keras-config", "json"),
    KERAS_SAVED_METADATA("keras-saved-metadata"),
    HDF5("hdf5"),
    TF_SAVED_MODEL("tf-savedmodel"),
    TF_GRAPHDEF("tf-graphdef"),
    /** A SavedModel's fingerprint.pb: hashes only, recognised so it is not taken for an unread model. */
    TF_FINGERPRINT("tf-fingerprint"),
    /** A SentencePiece tokenizer model: vocabulary data, recognised so it is not taken for an unread model. */
    SENTENCEPIECE("sentencepiece"),
    /** A TensorFlow Lite flatbuffer model (identifier TFL3). */
    TFLITE("tflite"),
    /** An ExecuTorch program ({@code .pte}, flatbuffer identifier ET and a version). */
    EXECUTORCH("executorch"),
    /** A skops archive: a zip whose {@code schema.json} describes the objects to construct. */
    SKOPS("skops", "zip"),
    /** The {@code schema.json} of a skops archive. */
    SKOPS_SCHEMA("skops-schema"),
    /** A Core ML model specification ({@code .mlmodel}, a protobuf Model message). */
    COREML("coreml"),
    /** The XML graph of an OpenVINO IR model ({@code <net>} with layers). */
    OPENVINO_IR("openvino-ir"),
    /** An MXNet NDArray list ({@code .params}). */
    MXNET_PARAMS("mxnet-params"),
    /** An MXNet symbol graph ({@code -symbol.json}). */
    MXNET_SYMBOL("mxnet-symbol"),
    JINJA_TEMPLATE("jinja"),
    JSON("json"),
    PYTHON_SOURCE("python"),
    MODEL_CARD("model-card"),
    EXECUTABLE("executable"),
    GIT_LFS_POINTER("git-lfs-pointer"),
    /** llama.cpp's files before GGUF: ggml, ggmf, ggjt and ggla (LoRA) magics. */
    GGML_LEGACY("ggml-legacy"),
    /** A PaddlePaddle ProgramDesc ({@code .pdmodel}): the graph of operators the executor runs. */
    PADDLE_PROGRAM("paddle-program"),
    /** PaddlePaddle's combined parameter file ({@code .pdiparams}): a stream of serialised tensors. */
    PADDLE_PARAMS("paddle-params"),
    /** A Flax checkpoint ({@code flax.serialization.to_bytes}): a msgpack map with ndarray ext values. */
    FLAX_MSGPACK("flax-msgpack"),
    /** An Ollama Modelfile: FROM, ADAPTER, TEMPLATE, SYSTEM, PARAMETER, LICENSE, MESSAGE instructions. */
    OLLAMA_MODELFILE("ollama-modelfile"),
    /** An Ollama image manifest (registry v2 manifest whose layers are application/vnd.ollama.image.*). */
    OLLAMA_MANIFEST("ollama-manifest"),
    /** An executable with a zip appended (llamafile: an APE binary carrying GGUF weights). */
    LLAMAFILE("llamafile", "executable"),
    /** An item of hf_xet's chunk cache: pieces of downloaded files, identified by place, name and checksum. */
    XET_CHUNK_CACHE("xet-chunk-cache"),
    /** A Xet metadata shard ({@code .mdb}): hashes mapping files to chunks. */
    XET_SHARD("xet-shard"),
    TEXT("text"),
    UNKNOWN("unknown");

    private final String id;
    private final String parentId;

    ModelFormat(String id) {
        this(id, null);
    }

    ModelFormat(String id, String parentId) {
        this.id = id;
        this.parentId = parentId;
    }

    public String id() {
        return id;
    }

    /**
     * False for plain text and unrecognised bytes: they are still searched (for secrets, say), but a
     * file of that kind without findings is reported as skipped, not as a clean model file.
     */
    public boolean isModelContent() {
        return this != TEXT && this != UNKNOWN;
    }

    /**
     * The general container this format is a kind of (a PyTorch checkpoint is a zip): when no analyser
     * claims a format, the parent's analyser handles it, so nothing falls through unanalysed.
     */
    public java.util.Optional<ModelFormat> parent() {
        if (parentId == null) {
            return java.util.Optional.empty();
        }
        for (ModelFormat f : values()) {
            if (f.id.equals(parentId)) {
                return java.util.Optional.of(f);
            }
        }
        throw new IllegalStateException("unknown parent format " + parentId);
    }
}
