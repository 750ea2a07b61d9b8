package io.modelgate.scanner.tflite;

import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.FormatDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.flatbuffers.FlatBuffer;
import io.modelgate.scanner.io.ByteSource;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A TFLite model: a flatbuffer whose file identifier is {@code TFL3} and whose root offset points into the file. The interpreter also maps files without the
 * identifier when asked to, so a {@code .tflite} name with any binary content is claimed too and left for the
 * analyser to read or fail closed.
 */
public final class TfliteDetector implements FormatDetector {

    static final String IDENTIFIER = "TFL3";
    private static final Pattern IDENTIFIER_PATTERN = Pattern.compile(IDENTIFIER, Pattern.LITERAL);

    @Override
    public Optional<Detection> detect(ByteSource source, byte[] head, String name) {
        if (FlatBuffer.startsLike(head, source.size(), IDENTIFIER_PATTERN)) {
            return Optional.of(new Detection(ModelFormat.TFLITE, "flatbuffer identifier TFL3"));
        }
        if (name != null && name.toLowerCase(Locale.ROOT).endsWith(".tflite") && head.length > 0) {
            return Optional.of(new Detection(ModelFormat.TFLITE, "named .tflite"));
        }
        return Optional.empty();
    }
}
