package io.modelgate.scanner.skops;

import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.FormatDetector;
import io.modelgate.scanner.detect.Heads;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A skops schema found anywhere (a {@code schema.json} in a zip that does not look like a skops archive, which
 * skops.io.load still opens): a JSON object whose first keys name a {@code __loader__} and a {@code __module__}.
 */
public final class SkopsSchemaDetector implements FormatDetector {

    private static final Pattern LOADER = Pattern.compile("\"__loader__\"\\s*:\\s*\"[A-Za-z_]+Node\"");
    private static final Pattern MODULE = Pattern.compile("\"__module__\"\\s*:\\s*\"");

    @Override
    public Optional<Detection> detect(ByteSource source, byte[] head, String name) {
        if (!Heads.firstNonBlankIs(head, '{')) {
            return Optional.empty();
        }
        String text = new String(head, StandardCharsets.UTF_8);
        if (LOADER.matcher(text).find() && MODULE.matcher(text).find()) {
            return Optional.of(new Detection(ModelFormat.SKOPS_SCHEMA, "JSON object tree with skops loaders"));
        }
        return Optional.empty();
    }
}
