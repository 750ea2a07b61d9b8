package io.modelgate.scanner.analysis;

import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.util.Set;

/**
 * Analyses one format. Implementations stay thin (parsing lives in a bounded reader of their own
 * package), report through the context, and throw IOException only for input they cannot read; the
 * caller turns that into an "incomplete" result for the artifact, never a crash of the scan.
 */
public interface FormatAnalyzer {

    Set<ModelFormat> formats();

    void analyze(ByteSource source, AnalysisContext context) throws IOException;
}
