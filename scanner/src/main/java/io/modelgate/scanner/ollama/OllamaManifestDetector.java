package io.modelgate.scanner.ollama;

import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.FormatDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.text.TextDetector;
import io.modelgate.scanner.text.Utf8Text;

import java.util.Optional;

/** A registry v2 manifest (a JSON object with schemaVersion) whose layers are Ollama image layers. */
public final class OllamaManifestDetector implements FormatDetector {

    @Override
    public Optional<Detection> detect(ByteSource source, byte[] head, String name) {
        if (!TextDetector.isText(head, source.size() <= head.length)) {
            return Optional.empty();
        }
        String text = Utf8Text.headText(head);
        boolean manifest = text.stripLeading().startsWith("{") && text.contains("\"schemaVersion\"")
                && text.contains("application/vnd.ollama.image.");
        return manifest ? Optional.of(new Detection(ModelFormat.OLLAMA_MANIFEST, "Ollama image manifest"))
                : Optional.empty();
    }
}
