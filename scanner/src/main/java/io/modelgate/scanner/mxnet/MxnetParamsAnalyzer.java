package io.modelgate.scanner.mxnet;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.util.Set;

/**
 * MXNet {@code .params}: raw arrays and their names, no code. The whole list is walked so a malformed or truncated
 * file is incomplete; bytes after the list, which MXNet never reads, are analysed
 * as an embedded artifact.
 */
public final class MxnetParamsAnalyzer implements FormatAnalyzer {

    @Override
    public Set<ModelFormat> formats() {
        return Set.of(ModelFormat.MXNET_PARAMS);
    }

    @Override
    public void analyze(ByteSource source, AnalysisContext context) throws IOException {
        NdArrayListReader.Content content = new NdArrayListReader(source, context.deadline()).read();
        context.fact("mxnet.arrayCount", content.arrays());
        context.fact("mxnet.parameterCount", content.elements());
        context.fact("mxnet.dtypes", content.dtypes());
        if (!content.names().isEmpty()) {
            context.fact("mxnet.names", content.names());
        }
        if (content.trailingBytes() > 0) {
            // not read by MXNet, but a payload can hide there: analysed like data before a zip
            context.fact("mxnet.trailingBytes", content.trailingBytes());
            long start = source.size() - content.trailingBytes();
            context.scanEmbedded("(data after the arrays)", source.slice(start, content.trailingBytes()));
        }
    }
}
