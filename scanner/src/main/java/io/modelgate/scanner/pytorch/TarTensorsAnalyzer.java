package io.modelgate.scanner.pytorch;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.pickle.PickleAnalyzer;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code tensors} member of an old tar checkpoint: a pickled count, then per tensor a pickled
 * {@code (key, storage key, tensor type)} followed by its geometry: a 4-byte dimension count, 4 bytes of
 * padding, then 8-byte sizes, 8-byte strides and an 8-byte storage offset. Pickles are analysed, the
 * geometry is measured.
 */
public final class TarTensorsAnalyzer implements FormatAnalyzer {

    /** More dimensions than any tensor library supports: a crafted record. */
    static final int MAX_DIMENSIONS = 1024;

    private final PickleAnalyzer pickles;

    public TarTensorsAnalyzer(PickleAnalyzer pickles) {
        this.pickles = pickles;
    }

    @Override
    public Set<ModelFormat> formats() {
        return Set.of(ModelFormat.PYTORCH_TAR_TENSORS);
    }

    @Override
    public void analyze(ByteSource source, AnalysisContext context) throws IOException {
        PickleCursor cursor = new PickleCursor(pickles, source, context, PyTorchRules.MALFORMED_STORAGE_DATA);
        Optional<Long> count = cursor.nextCount("tensor count");
        if (count.isEmpty()) {
            return;
        }
        context.fact("pytorch.tensors", count.get());
        for (long i = 0; i < count.get(); i++) {
            context.deadline().check();
            if (cursor.next("tensor record", null).isEmpty() || !skipGeometry(cursor, i)) {
                return;
            }
        }
        cursor.checkTrailing();
    }

    private static boolean skipGeometry(PickleCursor cursor, long index) throws IOException {
        Optional<byte[]> header = cursor.peek(Integer.BYTES, "tensor " + index + " dimension count");
        if (header.isEmpty()) {
            return false;
        }
        long dimensions = (int) PickleCursor.littleEndian(header.get(), 0, Integer.BYTES);
        if (dimensions < 0 || dimensions > MAX_DIMENSIONS) {
            cursor.rawMalformed("tensor " + index + " declares " + dimensions + " dimensions");
            return false;
        }
        long geometry = 2L * Integer.BYTES + 2 * dimensions * Long.BYTES + Long.BYTES;
        return cursor.skip(geometry, "tensor " + index + " geometry");
    }
}
