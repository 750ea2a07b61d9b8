package io.modelgate.scanner.tensorflow;

import io.modelgate.scanner.protobuf.ProtoReader;
import io.modelgate.scanner.protobuf.WireType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads a NodeDef: name, op, inputs, string attributes and a Const's string values, all bounded. */
final class NodeDefReader {

    private static final int MAX_TEXT = 1024;
    private static final int MAX_PATH_TEXT = 4096;
    private static final int MAX_INPUTS = 16;
    private static final int MAX_ATTRS = 64;
    private static final int MAX_CONST_STRINGS = 16;
    /** String values from this length on are kept whole for analysis: paths and tokens are shorter. */
    static final int MIN_BLOB_BYTES = 64;
    /** The long string values of one node are held up to this total; beyond it they are not analysed. */
    static final int MAX_BLOB_BYTES = 32 << 20;
    private static final int MAX_LIST_STRINGS = 16;
    private static final int MAX_BLOBS = 64;
    /** Marks a long value that was not kept (too large, or past the node's budget). */
    static final byte[] TOO_LARGE = new byte[0];

    private NodeDefReader() {
    }

    static TfNode read(ProtoReader node) throws IOException {
        String name = "";
        String op = "";
        List<String> inputs = new ArrayList<>();
        Map<String, String> attrs = new HashMap<>();
        List<String> constStrings = new ArrayList<>();
        List<byte[]> blobs = new ArrayList<>();
        while (node.next()) {
            switch (node.field()) {
                case 1 -> name = node.string(MAX_TEXT);
                case 2 -> op = node.string(MAX_TEXT);
                case 3 -> {
                    String input = node.string(MAX_TEXT);
                    if (!input.startsWith("^") && inputs.size() < MAX_INPUTS) {
                        inputs.add(nodeName(input));
                    }
                }
                case 5 -> readAttr(node.message(), attrs, constStrings, blobs);
                default -> {
                }
            }
        }
        return new TfNode(name, op, List.copyOf(inputs), Map.copyOf(attrs),
                op.equals("Const") ? List.copyOf(constStrings) : List.of(), List.copyOf(blobs));
    }

    /** "node", "node:1" and a function body's "node:output:0" all name "node". */
    static String nodeName(String input) {
        int colon = input.indexOf(':');
        return colon < 0 ? input : input.substring(0, colon);
    }

    private static void readAttr(ProtoReader entry, Map<String, String> attrs, List<String> constStrings,
                                 List<byte[]> blobs) throws IOException {
        String key = "";
        while (entry.next()) {
            if (entry.field() == 1) {
                key = entry.string(MAX_TEXT);
            } else if (entry.field() == 2) {
                readValue(entry.message(), key, attrs, constStrings, blobs);
            }
        }
    }

    /** AttrValue: s (2), list (1, strings in its field 2, joined by newlines), tensor (8). */
    private static void readValue(ProtoReader value, String key, Map<String, String> attrs, List<String> constStrings,
                                  List<byte[]> blobs) throws IOException {
        while (value.next()) {
            if (value.field() == 2) {
                keepBlob(value, blobs);
                if (attrs.size() < MAX_ATTRS) {
                    attrs.put(key, value.string(MAX_PATH_TEXT));
                }
            } else if (value.field() == 1 && attrs.size() < MAX_ATTRS) {
                readList(value.message(), key, attrs, blobs);
            } else if (value.field() == 8) {
                ProtoReader tensor = value.message();
                while (tensor.next()) {
                    if (tensor.field() == 8) {
                        keepBlob(tensor, blobs);
                        if (key.equals("value") && constStrings.size() < MAX_CONST_STRINGS) {
                            constStrings.add(tensor.string(MAX_PATH_TEXT));
                        }
                    }
                }
            }
        }
    }

    private static void readList(ProtoReader list, String key, Map<String, String> attrs, List<byte[]> blobs)
            throws IOException {
        StringBuilder joined = new StringBuilder();
        int count = 0;
        while (list.next()) {
            if (list.field() == 2 && list.wireType() == WireType.LEN) {
                keepBlob(list, blobs);
                if (count++ < MAX_LIST_STRINGS) {
                    joined.append(joined.length() == 0 ? "" : "\n").append(list.string(MAX_PATH_TEXT));
                }
            }
        }
        if (count > 0) {
            attrs.put(key, joined.toString());
        }
    }

    /** Keeps a long string value whole; one too large to hold is kept as an empty marker (incomplete). */
    private static void keepBlob(ProtoReader value, List<byte[]> blobs) throws IOException {
        if (value.wireType() != WireType.LEN) {
            return;
        }
        long length = value.length();
        if (length < MIN_BLOB_BYTES) {
            return;
        }
        long held = blobs.stream().mapToLong(b -> b.length).sum();
        boolean fits = length <= MAX_BLOB_BYTES && held + length <= MAX_BLOB_BYTES && blobs.size() < MAX_BLOBS;
        blobs.add(fits ? value.bytes(MAX_BLOB_BYTES) : TOO_LARGE);
    }
}
