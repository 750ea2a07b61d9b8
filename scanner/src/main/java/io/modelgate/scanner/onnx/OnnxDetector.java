package io.modelgate.scanner.onnx;

import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.FormatDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.protobuf.ProtoReader;
import io.modelgate.scanner.protobuf.ProtoText;
import io.modelgate.scanner.protobuf.WireType;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises a serialized ModelProto, which has no magic number: the leading fields must all be ModelProto
 * fields with their proper wire types, ir_version must be plausible, the producer a short text, and the
 * graph must start like a GraphProto. Serializers write ir_version first; a {@code .onnx} name only relaxes
 * that ordering, never the structure.
 */
public final class OnnxDetector implements FormatDetector {

    private static final int MAX_FIELDS = 64;
    private static final long MAX_IR_VERSION = 100;
    private static final int MAX_PRODUCER_BYTES = 256;

    /** ModelProto field numbers and their wire types. */
    private static final Map<Integer, WireType> MODEL_FIELDS = Map.ofEntries(
            Map.entry(1, WireType.VARINT), Map.entry(2, WireType.LEN), Map.entry(3, WireType.LEN),
            Map.entry(4, WireType.LEN), Map.entry(5, WireType.VARINT), Map.entry(6, WireType.LEN),
            Map.entry(7, WireType.LEN), Map.entry(8, WireType.LEN), Map.entry(14, WireType.LEN),
            Map.entry(20, WireType.LEN), Map.entry(25, WireType.LEN), Map.entry(26, WireType.LEN));

    /** GraphProto field numbers (all length-delimited). */
    private static final Set<Integer> GRAPH_FIELDS = Set.of(1, 2, 5, 10, 11, 12, 13, 14, 15, 16);

    @Override
    public Optional<Detection> detect(ByteSource source, byte[] head, String name) {
        if (head.length < 2 || (head[0] != 0x08 && !hasOnnxName(name))) {
            return Optional.empty();
        }
        try {
            return plausibleModel(source, hasOnnxName(name))
                    ? Optional.of(new Detection(ModelFormat.ONNX, "ONNX ModelProto structure"))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean hasOnnxName(String name) {
        return name != null && name.toLowerCase(Locale.ROOT).endsWith(".onnx");
    }

    private static boolean plausibleModel(ByteSource source, boolean namedOnnx) throws IOException {
        ProtoReader model = ProtoReader.of(source, 4);
        boolean irVersion = false;
        boolean graph = false;
        for (int seen = 0; seen < MAX_FIELDS && model.next(); seen++) {
            WireType expected = MODEL_FIELDS.get(model.field());
            if (expected != model.wireType()) {
                return false;
            }
            switch (model.field()) {
                case 1 -> {
                    long version = model.varint();
                    if (version < 1 || version > MAX_IR_VERSION || (seen > 0 && !namedOnnx)) {
                        return false;
                    }
                    irVersion = true;
                }
                case 2, 3 -> {
                    if (model.length() > MAX_PRODUCER_BYTES || !ProtoText.isText(model.bytes(MAX_PRODUCER_BYTES))) {
                        return false;
                    }
                }
                case 7 -> {
                    if (!startsLikeGraph(model.message())) {
                        return false;
                    }
                    graph = true;
                }
                default -> {
                }
            }
            if (seen == 0 && !irVersion && !namedOnnx) {
                return false;
            }
        }
        return irVersion && graph;
    }

    private static boolean startsLikeGraph(ProtoReader graph) throws IOException {
        if (!graph.next()) {
            return true;
        }
        return GRAPH_FIELDS.contains(graph.field()) && graph.wireType() == WireType.LEN;
    }
}
