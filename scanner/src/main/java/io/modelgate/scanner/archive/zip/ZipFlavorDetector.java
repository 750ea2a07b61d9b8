package io.modelgate.scanner.archive.zip;

import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.FormatDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.util.Optional;

/**
 * Tells zip flavours apart from the central directory names alone (what torch.load and Keras look at).
 * Plain zips are left to the magic detector.
 */
public final class ZipFlavorDetector implements FormatDetector {

    @Override
    public Optional<Detection> detect(ByteSource source, byte[] head, String name) {
        if (!LittleEndian.signatureAt(head, 0, 3, 4)) {
            return Optional.empty();
        }
        try {
            return ZipFlavors.ofDirectory(source).filter(f -> f != ModelFormat.ZIP)
                    .map(f -> new Detection(f, "zip whose entry names match " + f.id()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
