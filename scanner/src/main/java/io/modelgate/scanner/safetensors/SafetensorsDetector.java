package io.modelgate.scanner.safetensors;

import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.FormatDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;

import java.util.Locale;
import java.util.Optional;

/**
 * safetensors has no magic: an 8-byte little-endian length that fits the file, then a JSON object.
 * A file that starts like a header but whose length is impossible is still claimed when its name
 * says safetensors, so the broken header is reported rather than the file skipped.
 */
public final class SafetensorsDetector implements FormatDetector {

    @Override
    public Optional<Detection> detect(ByteSource source, byte[] head, String name) {
        if (head.length < 10 || !objectStartsAt8(head)) {
            return Optional.empty();
        }
        long n = 0;
        for (int i = 7; i >= 0; i--) {
            n = (n << 8) | (head[i] & 0xff);
        }
        if (n >= 2 && n <= SafetensorsHeaderReader.MAX_HEADER_BYTES && n <= source.size() - 8) {
            return Optional.of(new Detection(ModelFormat.SAFETENSORS, "header length fits the file, JSON object follows"));
        }
        if (name.toLowerCase(Locale.ROOT).endsWith(".safetensors")) {
            return Optional.of(new Detection(ModelFormat.SAFETENSORS,
                    "JSON object at byte 8 of a .safetensors file, implausible header length"));
        }
        return Optional.empty();
    }

    private static boolean objectStartsAt8(byte[] head) {
        int i = 8;
        while (i < head.length && isSpace(head[i])) {
            i++;
        }
        if (i >= head.length || head[i] != '{') {
            return false;
        }
        i++;
        while (i < head.length && isSpace(head[i])) {
            i++;
        }
        return i >= head.length || head[i] == '"' || head[i] == '}';
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }
}
