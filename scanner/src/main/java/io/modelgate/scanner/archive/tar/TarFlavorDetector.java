package io.modelgate.scanner.archive.tar;

import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.FormatDetector;
import io.modelgate.scanner.detect.MagicDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.packaging.PackageKind;
import io.modelgate.scanner.packaging.PackageLayout;

import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises tar flavours from their entry names: the legacy PyTorch tar checkpoint (members
 * {@code pickle}, {@code storages}, {@code tensors}, optionally {@code sys_info}, among the first few
 * headers) and software packages (npm tarballs, Python sdists). Other tars are left to the magic detector.
 */
public final class TarFlavorDetector implements FormatDetector {

    private static final int MAX_TORCH_HEADERS = 16;
    /** Headers read to find a package manifest; a bigger package is walked as a plain tar (fail closed). */
    static final int MAX_PACKAGE_HEADERS = 20_000;
    private static final Set<String> TORCH_MEMBERS = Set.of("pickle", "storages", "tensors");

    private final MagicDetector magic = new MagicDetector();

    @Override
    public Optional<Detection> detect(ByteSource source, byte[] head, String name) throws IOException {
        boolean tar = magic.detect(source, head, name).map(d -> d.format() == ModelFormat.TAR).orElse(false);
        if (!tar) {
            return Optional.empty();
        }
        TarIndex index = TarIndex.read(source, MAX_PACKAGE_HEADERS, n -> false, 0);
        Set<String> first = new HashSet<>(index.names().subList(0, Math.min(MAX_TORCH_HEADERS, index.names().size())));
        if (first.containsAll(TORCH_MEMBERS)) {
            return Optional.of(new Detection(ModelFormat.PYTORCH_TAR, "tar with pickle, storages and tensors members"));
        }
        return PackageLayout.ofTar(index.names()).map(PackageKind::format)
                .map(f -> new Detection(f, "tar laid out as a " + f.id()));
    }
}
