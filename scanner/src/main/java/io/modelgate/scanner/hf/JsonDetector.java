package io.modelgate.scanner.hf;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.FormatDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.text.TextDetector;
import io.modelgate.scanner.text.Utf8Text;

import java.io.IOException;
import java.util.Optional;

/**
 * A JSON object by content: UTF-8 text whose first non-blank character is '{' and whose first bytes
 * are well-formed JSON tokens (a prefix of a JSON document). The name plays no part.
 */
public final class JsonDetector implements FormatDetector {

    @Override
    public Optional<Detection> detect(ByteSource source, byte[] head, String name) {
        boolean truncated = source.size() > head.length;
        if (!TextDetector.isText(head, !truncated) || !Utf8Text.headText(head).stripLeading().startsWith("{")) {
            return Optional.empty();
        }
        return wellFormedPrefix(head, truncated)
                ? Optional.of(new Detection(ModelFormat.JSON, "JSON object"))
                : Optional.empty();
    }

    private static boolean wellFormedPrefix(byte[] head, boolean truncated) {
        try (JsonParser parser = BoundedJson.sniffingFactory().createParser(head)) {
            int depth = 0;
            while (true) {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    return depth == 0 || truncated;
                }
                if (token.isStructStart()) {
                    depth++;
                } else if (token.isStructEnd() && --depth == 0) {
                    return parser.nextToken() == null;
                }
            }
        } catch (IOException e) {
            // a parse error in the last, cut-off token of a truncated head is expected
            return truncated && e.getMessage() != null && e.getMessage().contains("end-of-input");
        }
    }
}
