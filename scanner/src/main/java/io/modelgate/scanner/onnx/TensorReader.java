package io.modelgate.scanner.onnx;

import io.modelgate.scanner.io.LimitExceededException;
import io.modelgate.scanner.protobuf.ProtoReader;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongConsumer;

/** Reads one TensorProto's shape, type and data placement; the data itself is skipped. */
final class TensorReader {

    static final int MAX_RANK = 64;
    private static final int MAX_EXTERNAL_ENTRIES = 64;
    private static final int MAX_NAME_BYTES = 4096;

    private TensorReader() {
    }

    static OnnxTensor read(ProtoReader tensor) throws IOException {
        Dims dims = new Dims();
        String name = "";
        int dataType = 0;
        long raw = -1;
        long typed = 0;
        boolean external = false;
        Map<String, String> externalData = new LinkedHashMap<>();
        long offset = tensor.start();
        while (tensor.next()) {
            switch (tensor.field()) {
                case 1 -> tensor.varints(MAX_RANK - dims.size(), dims);
                case 2 -> dataType = (int) tensor.varint();
                case 4 -> typed += tensor.valueCount(4);
                case 10 -> typed += tensor.valueCount(8);
                case 5, 7, 11 -> typed += tensor.valueCount(0);
                case 6 -> typed++;
                case 8 -> name = tensor.string(MAX_NAME_BYTES);
                case 9 -> raw = tensor.length();
                case 13 -> {
                    if (externalData.size() >= MAX_EXTERNAL_ENTRIES) {
                        throw new LimitExceededException("more than " + MAX_EXTERNAL_ENTRIES + " external_data entries");
                    }
                    readEntry(tensor.message(), externalData);
                }
                case 14 -> external = tensor.varint() == 1;
                default -> {
                }
            }
        }
        return new OnnxTensor(name, dataType, dims.toArray(), raw, typed, external, externalData, offset);
    }

    /** Collects dims; the reader bounds how many arrive. */
    private static final class Dims implements LongConsumer {
        private long[] values = new long[8];
        private int size;

        @Override
        public void accept(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int size() {
            return size;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    private static void readEntry(ProtoReader entry, Map<String, String> into) throws IOException {
        String key = "";
        String value = "";
        while (entry.next()) {
            if (entry.field() == 1) {
                key = entry.string(MAX_NAME_BYTES);
            } else if (entry.field() == 2) {
                value = entry.string(MAX_NAME_BYTES);
            }
        }
        into.putIfAbsent(key, value);
    }
}
