package io.modelgate.scanner.mxnet;

import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.FormatDetector;
import io.modelgate.scanner.detect.Heads;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An MXNet symbol graph ({@code -symbol.json}): a JSON object whose first key is {@code nodes}, a list of objects
 * that start with {@code op}, as MXNet writes it; or a file named {@code *-symbol.json} that starts like JSON.
 */
public final class MxnetSymbolDetector implements FormatDetector {

    private static final Pattern GRAPH_START = Pattern.compile("^\\s*\\{\\s*\"nodes\"\\s*:\\s*\\[\\s*\\{\\s*\"op\"\\s*:");

    @Override
    public Optional<Detection> detect(ByteSource source, byte[] head, String name) {
        boolean named = name != null && name.toLowerCase(Locale.ROOT).endsWith("-symbol.json");
        if (!named && !Heads.firstNonBlankIs(head, '{')) {
            return Optional.empty();
        }
        String text = new String(head, StandardCharsets.UTF_8);
        if (GRAPH_START.matcher(text).find()) {
            return Optional.of(new Detection(ModelFormat.MXNET_SYMBOL, "JSON graph whose nodes name operators"));
        }
        if (named && text.strip().startsWith("{")) {
            return Optional.of(new Detection(ModelFormat.MXNET_SYMBOL, "named -symbol.json"));
        }
        return Optional.empty();
    }
}
