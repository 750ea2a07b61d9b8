package io.modelgate.scanner.python;

import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.FormatDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.text.TextDetector;

import java.util.Locale;
import java.util.Optional;

/**
 * Python source: a {@code .py} name over UTF-8 text content. Tried after the binary and pickle
 * detectors, so a pickle named {@code .py} is still analysed as the pickle it is.
 */
public final class PythonSourceDetector implements FormatDetector {

    @Override
    public Optional<Detection> detect(ByteSource source, byte[] head, String name) {
        if (!name.toLowerCase(Locale.ROOT).endsWith(".py") || source.size() == 0
                || !TextDetector.isText(head, source.size() <= head.length)) {
            return Optional.empty();
        }
        return Optional.of(new Detection(ModelFormat.PYTHON_SOURCE, "Python file name over UTF-8 text"));
    }
}
