package io.modelgate.scanner.template;

import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.FormatDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.text.TextDetector;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Jinja templates under any name, recognised by content: UTF-8 text with a Jinja statement tag and either an
 * end tag or an output expression. Tried after every other text-like detector (JSON, model cards, Python,
 * scripts), so a Python file holding a template string stays Python source.
 */
public final class JinjaContentDetector implements FormatDetector {

    /** Templates declare themselves early; a text file is not read further to find one. */
    private static final int WINDOW = 64 * 1024;
    private static final Pattern STATEMENT = Pattern.compile(
            "\\{%[-+]?\\s*(?:if|for|set|macro|call|filter|with|block|extends|include|import|from|raw|generation)\\b"
                    + "[^%]{0,2000}[-+]?%\\}");
    private static final Pattern END_OR_OUTPUT = Pattern.compile(
            "\\{%[-+]?\\s*end[a-z]{2,12}\\s*[-+]?%\\}|\\{\\{[-+]?[^{}]{1,2000}[-+]?\\}\\}");

    @Override
    public Optional<Detection> detect(ByteSource source, byte[] head, String name) throws IOException {
        if (head.length == 0 || !TextDetector.isText(head, source.size() <= head.length)) {
            return Optional.empty();
        }
        byte[] window = source.size() <= head.length ? head : source.prefix(WINDOW);
        String text = new String(window, StandardCharsets.UTF_8);
        if (text.indexOf("{%") < 0 || !STATEMENT.matcher(text).find() || !END_OR_OUTPUT.matcher(text).find()) {
            return Optional.empty();
        }
        return Optional.of(new Detection(ModelFormat.JINJA_TEMPLATE, "Jinja statements in UTF-8 text"));
    }
}
