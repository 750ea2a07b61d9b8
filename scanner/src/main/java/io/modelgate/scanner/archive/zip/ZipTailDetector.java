package io.modelgate.scanner.archive.zip;

import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.FormatDetector;
import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.util.Optional;

/**
 * A zip recognised by its end record and central directory alone, with other data in front (a
 * self-extracting stub or a polyglot): Python's zipfile, and so Keras and NumPy, open such files. Tried
 * after every other detector, so it never overrides a format recognised from the start of the file.
 */
public final class ZipTailDetector implements FormatDetector {

    @Override
    public Optional<Detection> detect(ByteSource source, byte[] head, String name) {
        if (LittleEndian.signatureAt(head, 0, 3, 4)) {
            return Optional.empty();
        }
        try {
            return ZipFlavors.ofDirectory(source)
                    .map(f -> new Detection(f, "zip central directory at the end of other data"));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
