package io.modelgate.scanner.analysis;

import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.protobuf.ProtoReader;
import io.modelgate.scanner.protobuf.WireType;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Data files that share an extension with model files but are positively something no code-running loader
 * reads, so an unread one under such a name may still be skipped: IDL save files and SPSS files ({@code .sav},
 * read by scipy and pandas as data), Mozilla update archives ({@code .mar}, not TorchServe's), ONNX TensorProto test data ({@code .pb}, read by onnx.load_tensor; one
 * whose data lives in an external file names a path and is not exempted), and 8-bit text.
 */
final class KnownDataFiles {

    private static final Map<String, byte[]> MAGIC = Map.of(
            "IDL save file", new byte[]{'S', 'R', 0, 4},
            "IDL save file (compressed)", new byte[]{'S', 'R', 0, 6},
            "SPSS data file", new byte[]{'$', 'F', 'L', '2'},
            "SPSS data file (zlib)", new byte[]{'$', 'F', 'L', '3'},
            "Mozilla update archive", new byte[]{'M', 'A', 'R', '1'});

    /** TensorProto field numbers and their wire types (dims and the typed data may be packed or not). */
    private static final Map<Integer, WireType> TENSOR_FIELDS = Map.ofEntries(
            Map.entry(2, WireType.VARINT), Map.entry(3, WireType.LEN), Map.entry(6, WireType.LEN),
            Map.entry(8, WireType.LEN), Map.entry(9, WireType.LEN), Map.entry(12, WireType.LEN),
            Map.entry(13, WireType.LEN), Map.entry(14, WireType.VARINT), Map.entry(16, WireType.LEN));
    private static final int MAX_ONNX_DATA_TYPE = 32;

    private KnownDataFiles() {
    }

    static Optional<String> identify(ByteSource source, byte[] head) {
        for (Map.Entry<String, byte[]> magic : MAGIC.entrySet()) {
            if (startsWith(head, magic.getValue())) {
                return Optional.of(magic.getKey());
            }
        }
        if (isOnnxTensor(source)) {
            return Optional.of("ONNX TensorProto");
        }
        return Optional.empty();
    }

    /** No zero bytes and almost only printable characters: text in some 8-bit encoding. */
    static boolean looksLikeText(byte[] head) {
        if (head.length == 0) {
            return false;
        }
        int control = 0;
        for (byte b : head) {
            int c = b & 0xff;
            if (c == 0) {
                return false;
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                control++;
            }
        }
        return control * 100 <= head.length;
    }

    /**
     * A complete TensorProto: only its own fields, a valid data type, and no external data location (such a
     * tensor reads another file, which is worth analysing, not skipping).
     */
    private static boolean isOnnxTensor(ByteSource source) {
        try {
            ProtoReader tensor = ProtoReader.of(source, 2);
            boolean dataType = false;
            while (tensor.next()) {
                int field = tensor.field();
                WireType wire = tensor.wireType();
                boolean repeatedNumbers = field == 1 || field == 4 || field == 5 || field == 7 || field == 10
                        || field == 11;
                if (repeatedNumbers) {
                    continue;
                }
                if (TENSOR_FIELDS.get(field) != wire) {
                    return false;
                }
                if (field == 2) {
                    long type = tensor.varint();
                    dataType = type >= 1 && type <= MAX_ONNX_DATA_TYPE;
                } else if (field == 13 || (field == 14 && tensor.varint() != 0)) {
                    return false;
                }
            }
            return dataType;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
