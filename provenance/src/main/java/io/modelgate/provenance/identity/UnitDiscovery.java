package io.modelgate.provenance.identity;

import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.model.ArtifactPath;
import io.modelgate.scanner.model.FileResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the model units of a scan from its artifacts (files on disk and members of archives and packages):
 * a Hugging Face style folder (config, tokenizer files, card, weights, adapter config) is one unit; every
 * GGUF file is a unit of its own, and so is an ONNX, PyTorch or other checkpoint file that does not sit in
 * such a folder. Inside containers only plain archives are looked into (zip, jar, tar, compressed streams),
 * not the members of a checkpoint (a PyTorch zip's pickles are the checkpoint, not units).
 */
public final class UnitDiscovery {

    static final Set<String> FOLDER_MARKERS = Set.of("config.json", "adapter_config.json", "tokenizer_config.json");
    /** Formats a loader reads as a model on their own: each such file is a unit unless a model folder holds it. */
    static final Set<String> CHECKPOINT_FORMATS = Stream.of(ModelFormat.ONNX, ModelFormat.PYTORCH_ZIP,
            ModelFormat.TORCHSCRIPT, ModelFormat.PYTORCH_LEGACY, ModelFormat.PYTORCH_TAR, ModelFormat.KERAS,
            ModelFormat.HDF5, ModelFormat.TF_SAVED_MODEL, ModelFormat.TF_GRAPHDEF, ModelFormat.SAFETENSORS,
            ModelFormat.PICKLE, ModelFormat.JOBLIB, ModelFormat.NUMPY, ModelFormat.NPZ,
            ModelFormat.GGML_LEGACY, ModelFormat.PADDLE_PROGRAM, ModelFormat.FLAX_MSGPACK,
            ModelFormat.TFLITE, ModelFormat.EXECUTORCH, ModelFormat.SKOPS, ModelFormat.COREML, ModelFormat.OPENVINO_IR,
            ModelFormat.MXNET_PARAMS)
            .map(ModelFormat::id).collect(Collectors.toUnmodifiableSet());
    /** Containers whose members may be model units of their own. */
    static final Set<String> ARCHIVE_FORMATS = Stream.of(ModelFormat.ZIP, ModelFormat.TAR, ModelFormat.SEVEN_Z,
            ModelFormat.GZIP, ModelFormat.BZIP2, ModelFormat.XZ, ModelFormat.LZMA, ModelFormat.ZSTD, ModelFormat.ZLIB,
            ModelFormat.NPM_PACKAGE, ModelFormat.PYTHON_WHEEL, ModelFormat.PYTHON_SDIST, ModelFormat.JAVA_ARCHIVE,
            ModelFormat.LLAMAFILE)
            .map(ModelFormat::id).collect(Collectors.toUnmodifiableSet());
    private static final List<String> ANCHORS = List.of("config.json", "adapter_config.json", "README.md",
            "tokenizer_config.json");

    private UnitDiscovery() {
    }

    /** The units of the scanned files, in report order. */
    public static List<ModelUnit> discover(List<FileResult> files) {
        Map<String, Map<String, Artifact>> byFolder = new LinkedHashMap<>();
        Map<String, Artifact> containers = new HashMap<>();
        // Unreadable files stay with their unit: it cannot be vouched for as a whole (no digest).
        // Splitting each file's facts into artifacts is the costly part and each file's own: done in parallel.
        List<List<Artifact>> perFile = files.parallelStream().map(Artifact::of).toList();
        for (List<Artifact> artifacts : perFile) {
            Map<String, Artifact> byPath = new HashMap<>();
            artifacts.forEach(a -> byPath.put(a.display(), a));
            for (Artifact artifact : artifacts) {
                if (artifact.embedded() && !insideArchives(artifact, byPath)) {
                    continue;
                }
                String folder = folderOf(artifact.path());
                byFolder.computeIfAbsent(folder, k -> new LinkedHashMap<>()).put(artifact.name(), artifact);
                if (artifact.embedded()) {
                    containers.putIfAbsent(folder, byPath.get(parent(artifact.path()).toString()));
                }
            }
        }
        List<ModelUnit> units = new ArrayList<>();
        byFolder.forEach((folder, artifacts) -> units.addAll(unitsOf(folder, artifacts, containers.get(folder))));
        return units;
    }

    private static List<ModelUnit> unitsOf(String folder, Map<String, Artifact> files, Artifact container) {
        List<ModelUnit> units = new ArrayList<>();
        boolean hfFolder = files.keySet().stream().anyMatch(FOLDER_MARKERS::contains)
                || files.values().stream().anyMatch(f -> f.format().equals("safetensors"));
        if (hfFolder) {
            List<Artifact> weights = files.values().stream()
                    .filter(f -> CHECKPOINT_FORMATS.contains(f.format())).toList();
            UnitKind kind = files.containsKey("adapter_config.json") && !files.containsKey("config.json")
                    ? UnitKind.ADAPTER : UnitKind.HF_FOLDER;
            ArtifactPath anchor = ANCHORS.stream().filter(files::containsKey).findFirst().map(n -> files.get(n).path())
                    .orElseGet(() -> weights.isEmpty() ? files.values().iterator().next().path() : weights.get(0).path());
            units.add(new ModelUnit(folder, kind, anchor, weights, files, container));
        }
        for (Artifact file : files.values()) {
            boolean gguf = isFileUnit(file);
            boolean checkpoint = !hfFolder && CHECKPOINT_FORMATS.contains(file.format());
            if (gguf || checkpoint) {
                units.add(new ModelUnit(file.display(), gguf ? UnitKind.GGUF : UnitKind.CHECKPOINT, file.path(),
                        List.of(file), files, container));
            }
        }
        return units;
    }

    /** A GGUF file is a unit of its own wherever it sits. */
    static boolean isFileUnit(Artifact artifact) {
        return artifact.format().equals("gguf");
    }

    /** True when every container holding the artifact is a plain archive. */
    private static boolean insideArchives(Artifact artifact, Map<String, Artifact> byPath) {
        for (ArtifactPath p = parent(artifact.path()); p != null; p = p.depth() == 0 ? null : parent(p)) {
            Artifact holder = byPath.get(p.toString());
            if (holder == null || !ARCHIVE_FORMATS.contains(holder.format())) {
                return false;
            }
        }
        return true;
    }

    private static ArtifactPath parent(ArtifactPath path) {
        return new ArtifactPath(path.segments().subList(0, path.segments().size() - 1));
    }

    /**
     * The folder an artifact sits in: the directory part of its last segment, or the container itself for a
     * member at the container's top level; {@code .} for a file given without a folder.
     */
    static String folderOf(ArtifactPath path) {
        String leaf = path.leafName();
        int slash = leaf.lastIndexOf('/');
        if (path.depth() == 0) {
            return slash < 0 ? "." : leaf.substring(0, slash);
        }
        return slash < 0 ? parent(path).toString() : parent(path).child(leaf.substring(0, slash)).toString();
    }

    /** The last name of a unit path: its folder or file name. */
    static String leaf(String path) {
        int cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf(ArtifactPath.SEPARATOR.charAt(0)));
        return cut < 0 ? path : path.substring(cut + 1);
    }
}
