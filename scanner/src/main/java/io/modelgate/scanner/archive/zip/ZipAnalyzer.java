package io.modelgate.scanner.archive.zip;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.util.Set;

/**
 * Generic zips and NumPy .npz archives (and, through format parents, zip flavours without an analyser of
 * their own): every member, from the central directory and from local headers, is detected and analysed.
 */
public final class ZipAnalyzer implements FormatAnalyzer {

    @Override
    public Set<ModelFormat> formats() {
        return Set.of(ModelFormat.ZIP, ModelFormat.NPZ);
    }

    @Override
    public void analyze(ByteSource source, AnalysisContext context) throws IOException {
        ZipLayout layout = ZipWalker.layout(source, context);
        ZipWalker.walk(layout, source, context, member -> MemberRoute.DETECT);
    }
}
