package io.modelgate.scanner.flax;

import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.FormatDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;

import java.util.Locale;
import java.util.Optional;

/**
 * msgpack has no magic. A Flax checkpoint is a map with string keys whose leaves are ndarray extensions
 * (code 1, a three-item array): the head shows both. Under a {@code .msgpack} or {@code .flax} name any
 * msgpack map or array is taken, and the reader decides.
 */
public final class FlaxDetector implements FormatDetector {

    @Override
    public Optional<Detection> detect(ByteSource source, byte[] head, String name) {
        if (head.length < 1) {
            return Optional.empty();
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if ((lower.endsWith(".msgpack") || lower.endsWith(".flax")) && containerStart(head[0] & 0xff)) {
            return Optional.of(new Detection(ModelFormat.FLAX_MSGPACK, "msgpack map or array under a Flax checkpoint name"));
        }
        if (head.length < 2 || !mapStart(head[0] & 0xff)) {
            return Optional.empty();
        }
        int keyAt = (head[0] & 0xff) == 0xde ? 3 : (head[0] & 0xff) == 0xdf ? 5 : 1;
        if (keyAt >= head.length || !stringStart(head[keyAt] & 0xff)) {
            return Optional.empty();
        }
        return ndarrayExtension(head) ? Optional.of(new Detection(ModelFormat.FLAX_MSGPACK,
                "msgpack map with ndarray extension values")) : Optional.empty();
    }

    private static boolean containerStart(int b) {
        return (b >= 0x80 && b <= 0x9f) || (b >= 0xdc && b <= 0xdf);
    }

    private static boolean mapStart(int b) {
        return (b >= 0x81 && b <= 0x8f) || b == 0xde || b == 0xdf;
    }

    private static boolean stringStart(int b) {
        return (b >= 0xa1 && b <= 0xbf) || b == 0xd9;
    }

    /** ext8/16/32 with code 1 whose payload starts with a three-item array. */
    private static boolean ndarrayExtension(byte[] head) {
        for (int i = 0; i + 3 < head.length; i++) {
            int b = head[i] & 0xff;
            int width = b == 0xc7 ? 1 : b == 0xc8 ? 2 : b == 0xc9 ? 4 : 0;
            int code = i + 1 + width;
            if (width > 0 && code + 1 < head.length && head[code] == 1 && (head[code + 1] & 0xff) == 0x93) {
                return true;
            }
        }
        return false;
    }
}
