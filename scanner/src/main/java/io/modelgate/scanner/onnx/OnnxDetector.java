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
 * Recognises a serialized ModelProto, which has no magic number: the leading known fields must be ModelProto
 * fields with their proper wire types, ir_version must be plausible, the producer a short text, and the
 * graph must start like a GraphProto, in any field order (protobuf allows any, and unknown fields anywhere);
 * known fields must outnumber unknown ones unless the name ends in {@code .onnx}, which never relaxes the
 * structure itself.
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
        if (head.length < 2 || (!startsWithTag(head[0]) && !hasOnnxName(name))) {
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

    /** A first byte that is a protobuf tag of some field (an unknown field may come before ir_version). */
    private static boolean startsWithTag(byte first) {
        int wireType = first & 7;
        boolean fieldNumber = (first & 0x80) != 0 || (first & 0x78) != 0;
        return fieldNumber && wireType != 4 && wireType < 6;
    }

    private static boolean hasOnnxName(String name) {
        return name != null && name.toLowerCase(Locale.ROOT).endsWith(".onnx");
    }

    /**
     * Fields of other numbers, and known numbers with another wire type, are unknown fields that protobuf
     * parsers keep aside and onnx.load accepts: they are skipped, but must not outnumber the known fields.
     */
    private static boolean plausibleModel(ByteSource source, boolean namedOnnx) throws IOException {
        // serializers write ir_version first, but protobuf accepts fields in any order: only its presence counts
        ProtoReader model = ProtoReader.of(source, 4);
        boolean irVersion = false;
        boolean graph = false;
        int known = 0;
        int unknown = 0;
        for (int seen = 0; seen < MAX_FIELDS && model.next(); seen++) {
            WireType expected = MODEL_FIELDS.get(model.field());
            if (expected != model.wireType()) {
                unknown++;
                continue;
            }
            known++;
            switch (model.field()) {
                case 1 -> {
                    long version = model.varint();
                    if (version < 1 || version > MAX_IR_VERSION) {
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
        }
        return irVersion && graph && (known > unknown || namedOnnx);
    }

    /** An empty graph, or one whose first known field (after a few unknown ones) is a GraphProto field. */
    private static boolean startsLikeGraph(ProtoReader graph) throws IOException {
        int seen = 0;
        for (; seen < 8 && graph.next(); seen++) {
            if (GRAPH_FIELDS.contains(graph.field()) && graph.wireType() == WireType.LEN) {
                return true;
            }
        }
        return seen == 0;
    }
}
