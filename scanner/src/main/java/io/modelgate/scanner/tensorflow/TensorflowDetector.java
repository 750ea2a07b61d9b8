package io.modelgate.scanner.tensorflow;

import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.FormatDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.protobuf.ProtoReader;
import io.modelgate.scanner.protobuf.ProtoText;
import io.modelgate.scanner.protobuf.WireType;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises a SavedModel proto (schema version 1, then MetaGraphDefs whose first fields are those of a
 * MetaGraphDef) or a frozen GraphDef (a first NodeDef with a name and an operation name), from structure.
 * A few unknown fields (protobuf allows them anywhere, and TensorFlow's parser keeps them aside) are skipped.
 */
public final class TensorflowDetector implements FormatDetector {

    private static final int MAX_FIELDS = 64;
    private static final Pattern OP_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_>.]{0,255}");
    private static final Set<Integer> META_GRAPH_FIELDS = Set.of(1, 2, 3, 4, 5, 6, 7);
    private static final Set<Integer> META_INFO_TEXT_FIELDS = Set.of(1, 4, 5, 6);
    private static final Set<Integer> NODE_FIELDS = Set.of(1, 2, 3, 4, 5, 6, 7);

    @Override
    public Optional<Detection> detect(ByteSource source, byte[] head, String name) {
        if (head.length < 2) {
            return Optional.empty();
        }
        if (isSavedModel(source, name)) {
            return Optional.of(new Detection(ModelFormat.TF_SAVED_MODEL, "TensorFlow SavedModel proto structure"));
        }
        if (isGraphDef(source)) {
            return Optional.of(new Detection(ModelFormat.TF_GRAPHDEF, "TensorFlow GraphDef structure"));
        }
        return Optional.empty();
    }

    /** SavedModel: fields 1 (schema version, 1) and 2 (MetaGraphDef) only, and a plausible first MetaGraphDef. */
    static boolean isSavedModel(ByteSource source, String name) {
        try {
            ProtoReader saved = ProtoReader.of(source, 4);
            boolean schemaOne = false;
            boolean metaGraph = false;
            int unknown = 0;
            for (int seen = 0; seen < MAX_FIELDS && saved.next(); seen++) {
                if (saved.field() == 1 && saved.wireType() == WireType.VARINT) {
                    schemaOne = saved.varint() == 1;
                } else if (saved.field() == 2 && saved.wireType() == WireType.LEN) {
                    if (!metaGraph && !plausibleMetaGraph(saved.message())) {
                        return false;
                    }
                    metaGraph = true;
                } else if (++unknown > 2) {
                    return false;
                }
            }
            return metaGraph && (schemaOne || "saved_model.pb".equals(leaf(name)));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The first known field (after at most two unknown ones) is a MetaGraphDef field; its MetaInfoDef is text. */
    private static boolean plausibleMetaGraph(ProtoReader metaGraph) throws IOException {
        int unknown = 0;
        while (true) {
            if (!metaGraph.next()) {
                return false;
            }
            if (META_GRAPH_FIELDS.contains(metaGraph.field()) && metaGraph.wireType() == WireType.LEN) {
                break;
            }
            if (++unknown > 2) {
                return false;
            }
        }
        if (metaGraph.field() != 1) {
            return true;
        }
        ProtoReader info = metaGraph.message();
        for (int seen = 0; seen < MAX_FIELDS && info.next(); seen++) {
            if (META_INFO_TEXT_FIELDS.contains(info.field())) {
                if (info.wireType() != WireType.LEN || info.length() > 4096 || !ProtoText.isText(info.bytes(4096))) {
                    return false;
                }
            } else if (info.field() == 7) {
                info.varint();
            }
        }
        return true;
    }

    /** GraphDef: the first field is a NodeDef with a name and a well-formed operation name. */
    private static boolean isGraphDef(ByteSource source) {
        try {
            ProtoReader graph = ProtoReader.of(source, 4);
            int unknown = 0;
            do {
                if (!graph.next() || ++unknown > 3) {
                    return false;
                }
            } while (graph.field() != 1 || graph.wireType() != WireType.LEN);
            ProtoReader node = graph.message();
            boolean named = false;
            boolean op = false;
            int known = 0;
            unknown = 0;
            for (int seen = 0; seen < 4 * MAX_FIELDS && node.next(); seen++) {
                if (!NODE_FIELDS.contains(node.field()) || node.wireType() != WireType.LEN) {
                    unknown++;
                    continue;
                }
                known++;
                if (node.field() == 1) {
                    named = node.length() > 0 && node.length() <= 4096 && ProtoText.isText(node.bytes(4096));
                } else if (node.field() == 2) {
                    op = node.length() <= 256 && OP_NAME.matcher(node.string(256)).matches();
                }
            }
            return named && op && known > unknown;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String leaf(String name) {
        if (name == null) {
            return "";
        }
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return name.substring(slash + 1);
    }
}
