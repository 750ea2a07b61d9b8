package io.modelgate.scanner.template;

import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.FormatDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.text.TextDetector;

import java.util.Locale;
import java.util.Optional;

/** A stand-alone chat template ({@code chat_template.jinja}): a Jinja file name over UTF-8 text content. */
public final class JinjaTemplateDetector implements FormatDetector {

    @Override
    public Optional<Detection> detect(ByteSource source, byte[] head, String name) {
        if (!hasTemplateName(name) || !TextDetector.isText(head, source.size() <= head.length)) {
            return Optional.empty();
        }
        return Optional.of(new Detection(ModelFormat.JINJA_TEMPLATE, "Jinja template name over UTF-8 text"));
    }

    /** A file name that says Jinja template ({@code chat_template.jinja} is what transformers loads). */
    public static boolean hasTemplateName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".jinja") || lower.endsWith(".jinja2") || lower.endsWith(".j2");
    }
}
