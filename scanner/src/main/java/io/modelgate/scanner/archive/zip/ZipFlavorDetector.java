package io.modelgate.scanner.archive.zip;

import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.FormatDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Tells zip flavours apart from the central directory names alone (what torch.load and Keras look at).
 * Plain zips are left to the magic detector.
 */
public final class ZipFlavorDetector implements FormatDetector {

    /** Enough names to classify any real checkpoint; the analyser applies the configured entry limit. */
    private static final int MAX_NAMES = 100_000;

    @Override
    public Optional<Detection> detect(ByteSource source, byte[] head, String name) {
        if (!startsWithLocalHeader(head)) {
            return Optional.empty();
        }
        try {
            Optional<CentralDirectory> directory = CentralDirectoryReader.read(source, MAX_NAMES);
            if (directory.isEmpty()) {
                return Optional.empty();
            }
            List<String> names = directory.get().records().stream().map(CentralRecord::name).toList();
            ModelFormat flavour = ZipFlavors.classify(names);
            return flavour == ModelFormat.ZIP ? Optional.empty()
                    : Optional.of(new Detection(flavour, "zip whose entry names match " + flavour.id()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean startsWithLocalHeader(byte[] head) {
        return LittleEndian.signatureAt(head, 0, 3, 4);
    }
}
