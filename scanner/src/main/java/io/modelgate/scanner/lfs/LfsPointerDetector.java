package io.modelgate.scanner.lfs;

import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.FormatDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;

import java.util.Optional;

/** Git LFS pointers: a small file starting with the LFS spec version line. */
public final class LfsPointerDetector implements FormatDetector {

    @Override
    public Optional<Detection> detect(ByteSource source, byte[] head, String name) {
        return LfsPointer.looksLikePointer(head, source.size())
                ? Optional.of(new Detection(ModelFormat.GIT_LFS_POINTER, "Git LFS pointer version line"))
                : Optional.empty();
    }
}
