package io.modelgate.scanner.keras;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.FormatDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Recognises a serialized Keras model config: a JSON object whose top level holds a {@code class_name}
 * string and a {@code config} object (Keras 3 {@code config.json}, legacy {@code model_config} dumps).
 * The top level is streamed, nested values skipped, so a padded field cannot hide the keys.
 */
public final class KerasConfigDetector implements FormatDetector {

    @Override
    public Optional<Detection> detect(ByteSource source, byte[] head, String name) {
        // No size cut-off: an oversized config must still be recognised, so that its analysis fails closed.
        if (!startsWithBrace(head)) {
            return Optional.empty();
        }
        try (InputStream in = source.open(); JsonParser parser = KerasJson.detectionFactory().createParser(in)) {
            return isModelConfig(parser)
                    ? Optional.of(new Detection(ModelFormat.KERAS_CONFIG, "Keras model config JSON"))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean isModelConfig(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return false;
        }
        boolean className = false;
        boolean config = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("class_name")) {
                className = value == JsonToken.VALUE_STRING;
            } else if (field.equals("config")) {
                config = value == JsonToken.START_OBJECT;
            }
            if (className && config) {
                return true;
            }
            parser.skipChildren();
        }
        return false;
    }

    private static boolean startsWithBrace(byte[] head) {
        for (byte b : head) {
            if (b == '{') {
                return true;
            }
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return false;
    }
}
