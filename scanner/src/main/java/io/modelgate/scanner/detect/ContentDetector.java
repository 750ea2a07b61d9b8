package io.modelgate.scanner.detect;

import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Runs detectors in a fixed, explicit order (magic bytes first, structural sniffers after). The first
 * detector that recognises the content wins; no detector may decide from the name alone.
 */
public final class ContentDetector {

    public static final int HEAD_BYTES = 4096;

    private final List<FormatDetector> detectors;

    public ContentDetector(List<FormatDetector> detectors) {
        this.detectors = List.copyOf(detectors);
    }

    public Detection detect(ByteSource source, String name) throws IOException {
        byte[] head = source.prefix(HEAD_BYTES);
        for (FormatDetector detector : detectors) {
            Optional<Detection> found = detector.detect(source, head, name);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return new Detection(ModelFormat.UNKNOWN, "no known signature");
    }
}
