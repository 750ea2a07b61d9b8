package io.modelgate.scanner.archive.zip;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.util.Set;

/**
 * skops archives: {@code schema.json} is always analysed as a skops schema (whatever its content looks like, since
 * skops.io.load reads it as one), and the data files are detected and analysed like any zip member.
 */
public final class SkopsZipAnalyzer implements FormatAnalyzer {

    static final String SCHEMA = "schema.json";

    @Override
    public Set<ModelFormat> formats() {
        return Set.of(ModelFormat.SKOPS);
    }

    @Override
    public void analyze(ByteSource source, AnalysisContext context) throws IOException {
        ZipLayout layout = ZipWalker.layout(source, context);
        ZipWalker.walk(layout, source, context, member -> member.allNames().contains(SCHEMA)
                ? MemberRoute.as(ModelFormat.SKOPS_SCHEMA) : MemberRoute.DETECT);
    }
}
