package io.modelgate.provenance.identity;

import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.ScanReport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the model units of a scan: a Hugging Face style folder (config, tokenizer files, card, weights,
 * adapter config) is one unit; every GGUF file is a unit of its own, and so is an ONNX, PyTorch or other
 * checkpoint file that does not sit in such a folder. Only files the scan listed are considered.
 */
final class UnitDiscovery {

    static final Set<String> FOLDER_MARKERS = Set.of("config.json", "adapter_config.json", "tokenizer_config.json");
    static final Set<String> CHECKPOINT_FORMATS = Set.of("onnx", "pytorch-zip", "torchscript", "pytorch-legacy",
            "pytorch-tar", "keras", "hdf5", "tf-savedmodel", "safetensors");
    private static final List<String> ANCHORS = List.of("config.json", "adapter_config.json", "README.md",
            "tokenizer_config.json");

    static List<UnitFiles> discover(ScanReport report) {
        Map<String, Map<String, FileResult>> byFolder = new LinkedHashMap<>();
        for (FileResult file : report.files()) {
            if (file.format().equals("absent") || file.sha256() == null) {
                continue;
            }
            byFolder.computeIfAbsent(folderOf(file.path()), k -> new LinkedHashMap<>()).put(leaf(file.path()), file);
        }
        List<UnitFiles> units = new ArrayList<>();
        byFolder.forEach((folder, files) -> units.addAll(unitsOf(folder, files)));
        return units;
    }

    private static List<UnitFiles> unitsOf(String folder, Map<String, FileResult> files) {
        List<UnitFiles> units = new ArrayList<>();
        boolean hfFolder = files.keySet().stream().anyMatch(FOLDER_MARKERS::contains)
                || files.values().stream().anyMatch(f -> f.format().equals("safetensors"));
        if (hfFolder) {
            List<FileResult> weights = files.values().stream()
                    .filter(f -> CHECKPOINT_FORMATS.contains(f.format())).toList();
            UnitKind kind = files.containsKey("adapter_config.json") && !files.containsKey("config.json")
                    ? UnitKind.ADAPTER : UnitKind.HF_FOLDER;
            String anchor = ANCHORS.stream().filter(files::containsKey).findFirst().map(n -> files.get(n).path())
                    .orElseGet(() -> weights.isEmpty() ? files.values().iterator().next().path() : weights.get(0).path());
            units.add(new UnitFiles(folder, kind, anchor, weights, files));
        }
        for (FileResult file : files.values()) {
            boolean gguf = file.format().equals("gguf");
            boolean checkpoint = !hfFolder && CHECKPOINT_FORMATS.contains(file.format());
            if (gguf || checkpoint) {
                units.add(new UnitFiles(file.path(), gguf ? UnitKind.GGUF : UnitKind.CHECKPOINT, file.path(),
                        List.of(file), files));
            }
        }
        return units;
    }

    static String folderOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "." : path.substring(0, slash);
    }

    static String leaf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
