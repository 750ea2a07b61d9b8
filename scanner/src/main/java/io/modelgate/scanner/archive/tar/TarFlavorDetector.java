package io.modelgate.scanner.archive.tar;

import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.FormatDetector;
import io.modelgate.scanner.detect.MagicDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises the legacy PyTorch tar checkpoint (members {@code pickle}, {@code storages}, {@code tensors},
 * optionally {@code sys_info}) by reading the first few tar headers; other tars are left to the magic
 * detector.
 */
public final class TarFlavorDetector implements FormatDetector {

    private static final int MAX_HEADERS = 16;
    private static final Set<String> TORCH_MEMBERS = Set.of("pickle", "storages", "tensors");

    private final MagicDetector magic = new MagicDetector();

    @Override
    public Optional<Detection> detect(ByteSource source, byte[] head, String name) throws IOException {
        boolean tar = magic.detect(source, head, name).map(d -> d.format() == ModelFormat.TAR).orElse(false);
        if (!tar) {
            return Optional.empty();
        }
        Set<String> names = new HashSet<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(source.open())) {
            for (int i = 0; i < MAX_HEADERS; i++) {
                TarArchiveEntry entry = in.getNextEntry();
                if (entry == null) {
                    break;
                }
                names.add(entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName());
            }
        } catch (IOException | RuntimeException e) {
            // a damaged tar is still a tar: the magic detector and the tar analyser deal with it
        }
        return names.containsAll(TORCH_MEMBERS)
                ? Optional.of(new Detection(ModelFormat.PYTORCH_TAR, "tar with pickle, storages and tensors members"))
                : Optional.empty();
    }
}
