package io.modelgate.scanner.text;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.config.ConfigInspection;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.secrets.SecretScanner;

import java.io.IOException;
import java.util.Set;

/**
 * Plain text files of a model (READMEs, vocabularies, notes): searched for credentials; license texts and
 * card headings are kept for provenance; YAML configs and sentence-transformers module lists are judged for what
 * they make a loader instantiate.
 */
public final class TextAnalyzer implements FormatAnalyzer {

    @Override
    public Set<ModelFormat> formats() {
        return Set.of(ModelFormat.TEXT);
    }

    @Override
    public void analyze(ByteSource source, AnalysisContext context) throws IOException {
        SecretScanner.scanUtf8(source, "text", context);
        UnitTexts.record(source, context);
        ConfigInspection.inspectText(source, context);
    }
}
