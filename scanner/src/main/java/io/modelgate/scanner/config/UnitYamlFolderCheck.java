package io.modelgate.scanner.config;

import io.modelgate.scanner.folder.FolderAnalyzer;
import io.modelgate.scanner.folder.FolderContext;
import io.modelgate.scanner.folder.FolderView;
import io.modelgate.scanner.model.FileResult;

import java.util.Optional;
import java.util.Set;

/**
 * A {@code config.yaml} that could not be read is incomplete only in a folder that holds model weights: there
 * LightningCLI, Hydra and CompVis-style loaders read it to build the model; elsewhere it is plain YAML.
 */
public final class UnitYamlFolderCheck implements FolderAnalyzer {

    private static final Set<String> NAMES = Set.of("config.yaml", "config.yml");
    private static final Set<String> WEIGHTS = Set.of("pickle", "pytorch-zip", "torchscript", "pytorch-legacy",
            "pytorch-tar", "numpy", "npz", "joblib", "safetensors", "gguf", "onnx", "keras", "hdf5", "tf-savedmodel",
            "tf-graphdef");

    @Override
    public void analyze(FolderView folder, FolderContext context) {
        boolean weights = folder.files().stream().anyMatch(f -> WEIGHTS.contains(f.format()));
        if (!weights) {
            return;
        }
        for (String name : NAMES) {
            Optional<FileResult> yaml = folder.file(name);
            Object why = yaml.map(f -> f.facts().get(ConfigInspection.UNREAD_UNIT_YAML)).orElse(null);
            if (why != null) {
                context.incomplete(yaml.get().path(), "config a loader reads beside the weights is " + why);
            }
        }
    }
}
