package io.modelgate.scanner.ggml;

import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.FormatDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;

import java.util.Optional;

/** The four pre-GGUF llama.cpp magics at the start of the file. */
public final class GgmlDetector implements FormatDetector {

    @Override
    public Optional<Detection> detect(ByteSource source, byte[] head, String name) {
        return GgmlVariant.of(head).map(v -> new Detection(ModelFormat.GGML_LEGACY, "legacy llama.cpp '" + v.label()
                + "' magic"));
    }
}
