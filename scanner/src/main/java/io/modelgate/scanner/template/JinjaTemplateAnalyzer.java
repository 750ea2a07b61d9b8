package io.modelgate.scanner.template;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.facts.MetadataDocument;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.secrets.SecretScanner;
import io.modelgate.scanner.text.Utf8Text;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/** Analyses a template file: decode strictly, then the chat-template inspection. */
public final class JinjaTemplateAnalyzer implements FormatAnalyzer {

    @Override
    public Set<ModelFormat> formats() {
        return Set.of(ModelFormat.JINJA_TEMPLATE);
    }

    @Override
    public void analyze(ByteSource source, AnalysisContext context) throws IOException {
        SecretScanner.scanUtf8(source, "template", context);
        Optional<String> decoded = Utf8Text.decodeOrIncomplete(source, 4L * ChatTemplateInspector.MAX_CHARS,
                "template file", context);
        if (decoded.isEmpty()) {
            return;
        }
        String template = decoded.get();
        String leaf = context.path().leafName();
        if (leaf.substring(leaf.lastIndexOf('/') + 1).equals(MetadataDocument.Kind.CHAT_TEMPLATE_TEXT.fileName())) {
            context.fact(MetadataDocument.KEY, new MetadataDocument(MetadataDocument.Kind.CHAT_TEMPLATE_TEXT,
                    java.util.Map.of("chat_template", template)));
        }
        TemplateInspection result = ChatTemplateInspector.inspect(template, context, context.path().leafName());
        result.family().ifPresent(f -> context.fact("template.chat_format", f));
    }
}
