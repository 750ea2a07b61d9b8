package io.modelgate.scanner.tflite;

import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.FormatDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;

import java.util.Locale;
import java.util.Optional;

/**
 * A TFLite model: a flatbuffer whose file identifier is {@code TFL3}. The interpreter also maps files without the
 * identifier when asked to, so a {@code .tflite} name with any binary content is claimed too and left for the
 * analyser to read or fail closed.
 */
public final class TfliteDetector implements FormatDetector {

    static final String IDENTIFIER = "TFL3";

    @Override
    public Optional<Detection> detect(ByteSource source, byte[] head, String name) {
        if (head.length >= 8 && head[4] == 'T' && head[5] == 'F' && head[6] == 'L' && head[7] == '3') {
            return Optional.of(new Detection(ModelFormat.TFLITE, "flatbuffer identifier TFL3"));
        }
        if (name != null && name.toLowerCase(Locale.ROOT).endsWith(".tflite") && head.length > 0) {
            return Optional.of(new Detection(ModelFormat.TFLITE, "named .tflite"));
        }
        return Optional.empty();
    }
}
