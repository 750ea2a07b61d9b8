package io.modelgate.scanner.llamafile;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.archive.zip.AppendedZip;
import io.modelgate.scanner.binary.ExecutableAnalyzer;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An executable carrying a zip: reported as the executable it is (running a llamafile runs its code), and every
 * member analysed as anywhere else (the GGUF weights with their chat template, anything else packed beside them).
 */
public final class LlamafileAnalyzer implements FormatAnalyzer {

    private final ExecutableAnalyzer executable = new ExecutableAnalyzer();

    @Override
    public Set<ModelFormat> formats() {
        return Set.of(ModelFormat.LLAMAFILE);
    }

    @Override
    public void analyze(ByteSource source, AnalysisContext context) throws IOException {
        executable.analyze(source, context);
        List<String> names = AppendedZip.memberNames(source).orElse(List.of());
        List<String> weights = names.stream().filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".gguf")).toList();
        context.fact("llamafile.weights", weights);
        AppendedZip.walkMembers(source, context);
    }
}
