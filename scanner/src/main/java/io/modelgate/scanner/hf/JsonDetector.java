package io.modelgate.scanner.hf;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
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

    /** A literal or number cut by the end of the head is at most this long before the error is seen. */
    private static final int CUT_TOKEN = 64;

    private static boolean wellFormedPrefix(byte[] head, boolean truncated) {
        int length = truncated ? completeCharacters(head) : head.length;
        try (JsonParser parser = BoundedJson.sniffingFactory().createParser(head, 0, length)) {
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
            // a parse error in the last, cut-off token of a truncated head is expected ("fal" of false)
            return truncated && (e.getMessage() != null && e.getMessage().contains("end-of-input")
                    || e instanceof JsonProcessingException p && p.getLocation() != null
                    && p.getLocation().getByteOffset() >= length - CUT_TOKEN);
        }
    }

    /** The length of {@code head} without a multi-byte UTF-8 character the cut split (the parser rejects one). */
    static int completeCharacters(byte[] head) {
        for (int back = 1; back <= Math.min(3, head.length); back++) {
            int b = head[head.length - back] & 0xff;
            if ((b & 0xc0) == 0x80) {
                continue;
            }
            int needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
            return needed > back ? head.length - back : head.length;
        }
        return head.length;
    }
}
