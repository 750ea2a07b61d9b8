package io.modelgate.scanner.binary;

import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.FormatDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;

import java.util.Optional;

/**
 * Scripts with a "#!" interpreter line. Tried after the source-code detectors, so a Python file
 * with a shebang still gets the Python analysis; what is left (shell, perl, ...) is a script.
 */
public final class ScriptDetector implements FormatDetector {

    @Override
    public Optional<Detection> detect(ByteSource source, byte[] head, String name) {
        return ScriptSignature.interpreter(head)
                .map(interpreter -> new Detection(ModelFormat.EXECUTABLE, "#! script for " + interpreter));
    }
}
