package io.modelgate.scanner.executorch;

import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.FormatDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.flatbuffers.FlatBuffer;
import io.modelgate.scanner.io.ByteSource;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An ExecuTorch program: a flatbuffer whose identifier is {@code ET} and two digits (the schema version,
 * {@code ET12} today). A {@code .pte} name with other binary content is claimed too, so the analyser fails it
 * closed instead of letting it pass unread.
 */
public final class ExecutorchDetector implements FormatDetector {

    /** {@code ET} and the two digits of the schema version. */
    static final Pattern IDENTIFIER = Pattern.compile("ET[0-9][0-9]");

    @Override
    public Optional<Detection> detect(ByteSource source, byte[] head, String name) {
        if (FlatBuffer.startsLike(head, source.size(), IDENTIFIER)) {
            return Optional.of(new Detection(ModelFormat.EXECUTORCH, "flatbuffer identifier "
                    + (char) head[4] + (char) head[5] + (char) head[6] + (char) head[7]));
        }
        if (name != null && name.toLowerCase(Locale.ROOT).endsWith(".pte") && head.length > 0) {
            return Optional.of(new Detection(ModelFormat.EXECUTORCH, "named .pte"));
        }
        return Optional.empty();
    }

    static boolean hasIdentifier(byte[] head) {
        return head.length >= 8 && IDENTIFIER.matcher(
                new String(head, 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1)).matches();
    }
}
