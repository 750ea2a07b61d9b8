package io.modelgate.scanner.keras;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.io.HeapGate;
import io.modelgate.scanner.io.LimitExceededException;
import io.modelgate.scanner.secrets.SecretScanner;

import java.io.IOException;
import java.util.Set;

/** Checks a Keras model config JSON (a {@code .keras} archive's config.json, or one found on its own). */
public final class KerasConfigAnalyzer implements FormatAnalyzer {

    @Override
    public Set<ModelFormat> formats() {
        return Set.of(ModelFormat.KERAS_CONFIG);
    }

    @Override
    public void analyze(ByteSource source, AnalysisContext context) throws IOException {
        if (source.size() > KerasJson.MAX_CONFIG_BYTES) {
            throw new LimitExceededException("Keras config of " + source.size() + " bytes is larger than the "
                    + KerasJson.MAX_CONFIG_BYTES + " bytes read");
        }
        // A config is text like any other: it may carry credentials too.
        SecretScanner.scanUtf8(source, "text", context);
        try (HeapGate.Permit heap = context.budgets().parseHeap()
                .admit(HeapGate.jsonTree(source.size()), context.deadline()::check)) {
            byte[] json = source.readFully(0, (int) source.size());
            KerasConfigInspector inspector = new KerasConfigInspector(context);
            inspector.inspect(KerasJson.parse(json, "Keras config"), context.path().leafName());
            inspector.reportFacts();
        }
    }
}
