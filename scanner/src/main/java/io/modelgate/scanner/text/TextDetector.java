package io.modelgate.scanner.text;

import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.FormatDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;

import java.util.Optional;

/**
 * The fallback for files no other detector claimed: valid UTF-8 without NUL bytes and with almost
 * no control characters. Runs last so text formats with their own analysis (JSON, Python, Jinja)
 * win; what remains is still searched for credentials.
 */
public final class TextDetector implements FormatDetector {

    @Override
    public Optional<Detection> detect(ByteSource source, byte[] head, String name) {
        return head.length > 0 && isText(head, head.length == source.size())
                ? Optional.of(new Detection(ModelFormat.TEXT, "UTF-8 text"))
                : Optional.empty();
    }

    /** {@code complete} is false when {@code bytes} is a prefix, whose last character may be cut. */
    public static boolean isText(byte[] bytes, boolean complete) {
        int controls = 0;
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xff;
            if (b < 0x80) {
                if (b == 0) {
                    return false;
                }
                if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1b) {
                    controls++;
                }
                i++;
                continue;
            }
            int extra = sequenceLength(b);
            if (extra < 0) {
                return false;
            }
            if (i + extra >= bytes.length) {
                return !complete && continuationsUpTo(bytes, i + 1, bytes.length);
            }
            if (!continuationsUpTo(bytes, i + 1, i + 1 + extra)) {
                return false;
            }
            i += 1 + extra;
        }
        return controls * 100 <= bytes.length;
    }

    /** Continuation bytes after a UTF-8 lead byte, -1 for a byte that cannot lead. */
    private static int sequenceLength(int lead) {
        if (lead >= 0xc2 && lead <= 0xdf) {
            return 1;
        }
        if (lead >= 0xe0 && lead <= 0xef) {
            return 2;
        }
        return lead >= 0xf0 && lead <= 0xf4 ? 3 : -1;
    }

    private static boolean continuationsUpTo(byte[] bytes, int from, int to) {
        for (int k = from; k < to; k++) {
            if ((bytes[k] & 0xc0) != 0x80) {
                return false;
            }
        }
        return true;
    }
}
