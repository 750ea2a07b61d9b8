package io.modelgate.scanner.joblib;

import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.pickle.InlineData;
import io.modelgate.scanner.pickle.PickleObserver;
import io.modelgate.scanner.pickle.PickleValue;

import java.io.IOException;
import java.util.Optional;

/**
 * joblib.dump writes each numpy array as a {@code joblib.numpy_pickle.NumpyArrayWrapper} and puts the
 * array data straight into the pickle stream after the wrapper's BUILD: an optional padding-length
 * byte and padding, then the raw bytes (or, for object arrays, a nested pickle). This observer tells
 * the pickle analyser where opcodes resume, so the data neither reads as opcodes nor hides what
 * follows it; nested pickles are analysed like any other.
 */
public final class JoblibArrays implements PickleObserver {

    static final String MODULE = "joblib.numpy_pickle";
    static final String WRAPPER = "NumpyArrayWrapper";

    @Override
    public boolean writesInlineData(PickleValue.Global cls) {
        return MODULE.equals(cls.module()) && WRAPPER.equals(cls.name());
    }

    @Override
    public long afterBuild(PickleValue.Global cls, PickleValue state, InlineData data) throws IOException {
        data.context().refineFormat(ModelFormat.JOBLIB);
        Optional<ArrayWrapperState> array = ArrayWrapperState.of(state);
        if (array.isEmpty()) {
            data.context().incomplete("joblib array wrapper at offset " + data.position()
                    + " has a state whose data size cannot be told");
            return -1;
        }
        if (array.get().nestedPickle(byteAt(data, 0), byteAt(data, 1))) {
            return data.nestedPickle(data.position());
        }
        return afterRawData(array.get(), data);
    }

    private static long afterRawData(ArrayWrapperState array, InlineData data) throws IOException {
        long pos = data.position();
        if (array.alignment() > 0) {
            int padding = byteAt(data, 0);
            if (padding < 0 || padding > array.alignment()) {
                data.context().incomplete("joblib array at offset " + data.position() + " has no valid padding byte");
                return -1;
            }
            pos += 1 + padding;
        }
        long bytes;
        try {
            bytes = Math.multiplyExact(array.elements(), array.itemSize());
        } catch (ArithmeticException e) {
            bytes = Long.MAX_VALUE;
        }
        long size = data.source().size();
        if (pos > size || bytes > size - pos) {
            data.context().incomplete("joblib array at offset " + data.position() + " declares " + array.elements()
                    + " elements of " + array.itemSize() + " bytes, beyond the end of the data");
            return -1;
        }
        return pos + bytes;
    }

    /** The byte {@code ahead} bytes after the BUILD, -1 past the end. */
    private static int byteAt(InlineData data, int ahead) throws IOException {
        long at = data.position() + ahead;
        if (at >= data.source().size()) {
            return -1;
        }
        return data.source().readFully(at, 1)[0] & 0xff;
    }
}
