package io.modelgate.scanner.detect;

/**
 * Every format ModelGate recognises. {@code model} is false for plain containers and non-model
 * files; a file whose format is not analysed at all is reported as skipped.
 */
public enum ModelFormat {
    PICKLE("pickle"),
    PYTORCH_ZIP("pytorch-zip"),
    TORCHSCRIPT("torchscript"),
    PYTORCH_LEGACY("pytorch-legacy"),
    PYTORCH_TAR("pytorch-tar"),
    NUMPY("numpy"),
    NPZ("npz"),
    JOBLIB("joblib"),
    ZIP("zip"),
    TAR("tar"),
    SEVEN_Z("7z"),
    GZIP("gzip"),
    BZIP2("bzip2"),
    XZ("xz"),
    LZMA("lzma"),
    ZSTD("zstd"),
    ZLIB("zlib"),
    SAFETENSORS("safetensors"),
    GGUF("gguf"),
    ONNX("onnx"),
    KERAS("keras"),
    HDF5("hdf5"),
    TF_SAVED_MODEL("tf-savedmodel"),
    JINJA_TEMPLATE("jinja"),
    JSON("json"),
    PYTHON_SOURCE("python"),
    EXECUTABLE("executable"),
    GIT_LFS_POINTER("git-lfs-pointer"),
    TEXT("text"),
    UNKNOWN("unknown");

    private final String id;

    ModelFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
