package io.modelgate.scanner.pytorch;

import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.pickle.PickleAnalyzer;
import io.modelgate.scanner.pickle.PickleValue;

import java.io.IOException;
import java.util.Optional;

/**
 * The {@code tensors} member of an old tar checkpoint: a pickled count, then per tensor a pickled
 * {@code (key, storage key, tensor type)} followed by its geometry: a 4-byte dimension count, 4 bytes of
 * padding, then 8-byte sizes, 8-byte strides and an 8-byte storage offset. Pickles are analysed, the
 * geometry is measured.
 */
public final class TarTensorsAnalyzer extends TarRecordsAnalyzer {

    /** More dimensions than any tensor library supports: a crafted record. */
    static final int MAX_DIMENSIONS = 1024;

    public TarTensorsAnalyzer(PickleAnalyzer pickles) {
        super(pickles, ModelFormat.PYTORCH_TAR_TENSORS, "tensor");
    }

    @Override
    boolean skipData(PickleCursor cursor, PickleValue record, long index) throws IOException {
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
