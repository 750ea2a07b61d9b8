package io.modelgate.scanner.archive.zip;

import io.modelgate.scanner.archive.EntryPaths;

import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.modelgate.scanner.packaging.PackageKind;
import io.modelgate.scanner.packaging.PackageLayout;

/**
 * Classifies a zip from its entry names: PyTorch checkpoint, TorchScript, NumPy .npz, Keras v3, a software
 * package (wheel, jar) or plain. Model flavours win over packages.
 */
final class ZipFlavors {

    /** Enough names to classify any real checkpoint; the analysers apply the configured entry limit. */
    private static final int MAX_NAMES = 100_000;

    private ZipFlavors() {
    }

    /** The flavour of the zip whose central directory {@code source} ends with; empty when it has none. */
    static Optional<ModelFormat> ofDirectory(ByteSource source) throws IOException {
        Optional<CentralDirectory> directory = CentralDirectoryReader.read(source, MAX_NAMES);
        if (directory.isEmpty() || directory.get().records().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(classify(directory.get().records().stream().map(CentralRecord::name).toList()));
    }

    static ModelFormat classify(List<String> names) {
        if (names.isEmpty()) {
            return ModelFormat.ZIP;
        }
        if (names.stream().allMatch(n -> n.endsWith(".npy"))) {
            return ModelFormat.NPZ;
        }
        Set<String> set = new HashSet<>(names);
        if (isSkops(names, set)) {
            return ModelFormat.SKOPS;
        }
        if (set.contains("config.json") && set.contains("metadata.json")) {
            return ModelFormat.KERAS;
        }
        Optional<String> prefix = EntryPaths.topFolder(names);
        Optional<ModelFormat> torch = prefix.flatMap(p -> torchFlavor(names, p));
        if (torch.isPresent()) {
            return torch.get();
        }
        return PackageLayout.ofZip(names).map(PackageKind::format).orElse(ModelFormat.ZIP);
    }

    /**
     * A skops archive: {@code schema.json} at the root beside only the flat data files skops writes (arrays as
     * {@code .npy}, sparse matrices as {@code .npz}, bytes as {@code .bin}).
     */
    private static boolean isSkops(List<String> names, Set<String> set) {
        return set.contains("schema.json") && names.stream().allMatch(n -> n.equals("schema.json")
                || (!n.contains("/") && (n.endsWith(".npy") || n.endsWith(".npz") || n.endsWith(".bin"))));
    }

    /** A PyTorch checkpoint or TorchScript archive, judged by the records under the top folder. */
    private static Optional<ModelFormat> torchFlavor(List<String> names, String prefix) {
        Set<String> records = new HashSet<>();
        for (String name : names) {
            records.add(name.substring(prefix.length()));
        }
        boolean anyPickle = records.stream().anyMatch(r -> r.endsWith(".pkl"));
        boolean code = records.stream().anyMatch(r -> r.startsWith("code/"));
        if (records.contains("constants.pkl") || (code && anyPickle)) {
            return Optional.of(ModelFormat.TORCHSCRIPT);
        }
        boolean storages = records.stream().anyMatch(r -> r.startsWith("data/"));
        boolean markers = records.contains("version") || records.contains(".data/version")
                || records.contains("byteorder");
        if (records.contains("data.pkl") || (anyPickle && (storages || markers))) {
            return Optional.of(ModelFormat.PYTORCH_ZIP);
        }
        return Optional.empty();
    }
}
