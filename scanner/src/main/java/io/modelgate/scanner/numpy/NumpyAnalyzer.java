package io.modelgate.scanner.numpy;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.util.Set;

/**
 * Analyses a {@code .npy} array: validates the header, checks that the payload is exactly
 * {@code shape product × item size} bytes, and hands object-dtype payloads (pickles) to the pickle
 * analyser.
 */
public final class NumpyAnalyzer implements FormatAnalyzer {

    /** numpy.load's default {@code max_header_size}. */
    static final int NUMPY_DEFAULT_MAX_HEADER = 10_000;
    static final String OBJECT_PAYLOAD_NAME = "object-array.pkl";
    static final String TRAILING_NAME = "trailing-data";

    @Override
    public Set<ModelFormat> formats() {
        return Set.of(ModelFormat.NUMPY);
    }

    @Override
    public void analyze(ByteSource source, AnalysisContext context) throws IOException {
        NpyHeader header;
        try {
            header = NpyHeaderReader.read(source);
        } catch (NpyHeaderReader.MalformedNpyException e) {
            malformed(context, e.getMessage());
            return;
        }
        context.fact("numpy.version", header.version());
        context.fact("numpy.dtype", header.descr());
        context.fact("numpy.shape", header.shape().toString());
        if (header.headerLength() > NUMPY_DEFAULT_MAX_HEADER) {
            context.report(NumpyRules.LARGE_HEADER, 0, null,
                    "header of " + header.headerLength() + " bytes (numpy.load accepts " + NUMPY_DEFAULT_MAX_HEADER
                            + " by default)");
        }
        long payload = source.size() - header.dataOffset();
        if (header.dtype().hasObject()) {
            analyzeObjectPayload(source, context, header, payload);
        } else {
            checkRawPayload(source, context, header, payload);
        }
    }

    private static void analyzeObjectPayload(ByteSource source, AnalysisContext context, NpyHeader header,
                                             long payload) throws IOException {
        context.report(NumpyRules.OBJECT_ARRAY, header.dataOffset(), header.descr(),
                "object dtype " + header.descr() + ": the array data is a pickle, executed by numpy.load(allow_pickle=True)");
        if (payload == 0) {
            malformed(context, "object array without pickled data");
            return;
        }
        context.scanEmbeddedAs(OBJECT_PAYLOAD_NAME, source.slice(header.dataOffset(), payload), ModelFormat.PICKLE);
    }

    private static void checkRawPayload(ByteSource source, AnalysisContext context, NpyHeader header, long payload)
            throws IOException {
        long expected;
        try {
            expected = Math.multiplyExact(header.shape().elements(), header.dtype().itemSize());
        } catch (ArithmeticException e) {
            malformed(context, "shape " + header.shape() + " × item size " + header.dtype().itemSize() + " overflows");
            return;
        }
        if (payload < expected) {
            malformed(context, "data holds " + payload + " bytes but shape " + header.shape() + " of "
                    + header.descr() + " needs " + expected);
            return;
        }
        if (payload > expected) {
            long end = header.dataOffset() + expected;
            context.report(NumpyRules.TRAILING_DATA, end, null,
                    (payload - expected) + " bytes after the " + expected + " bytes of array data");
            context.scanEmbedded(TRAILING_NAME, source.slice(end, payload - expected));
        }
    }

    private static void malformed(AnalysisContext context, String reason) {
        context.report(NumpyRules.MALFORMED, null, reason);
        context.incomplete("malformed .npy: " + reason);
    }
}
