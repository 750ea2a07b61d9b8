package io.modelgate.scanner.hf;

import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.FormatDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.text.TextDetector;
import io.modelgate.scanner.text.Utf8Text;

import java.util.Locale;
import java.util.Optional;

/** A model card: a Markdown file name over UTF-8 text that opens with a YAML front matter block. */
public final class ModelCardDetector implements FormatDetector {

    @Override
    public Optional<Detection> detect(ByteSource source, byte[] head, String name) {
        String leaf = name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (!leaf.endsWith(".md") || !TextDetector.isText(head, source.size() <= head.length)
                || !FrontMatter.opens(Utf8Text.headText(head))) {
            return Optional.empty();
        }
        return Optional.of(new Detection(ModelFormat.MODEL_CARD, "Markdown with YAML front matter"));
    }
}
