package io.modelgate.scanner.tensorflow;

import io.modelgate.scanner.protobuf.ProtoReader;

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

    private NodeDefReader() {
    }

    static TfNode read(ProtoReader node) throws IOException {
        String name = "";
        String op = "";
        List<String> inputs = new ArrayList<>();
        Map<String, String> attrs = new HashMap<>();
        List<String> constStrings = new ArrayList<>();
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
                case 5 -> readAttr(node.message(), attrs, constStrings);
                default -> {
                }
            }
        }
        return new TfNode(name, op, List.copyOf(inputs), Map.copyOf(attrs),
                op.equals("Const") ? List.copyOf(constStrings) : List.of());
    }

    /** "node", "node:1" and a function body's "node:output:0" all name "node". */
    static String nodeName(String input) {
        int colon = input.indexOf(':');
        return colon < 0 ? input : input.substring(0, colon);
    }

    private static void readAttr(ProtoReader entry, Map<String, String> attrs, List<String> constStrings)
            throws IOException {
        String key = "";
        while (entry.next()) {
            if (entry.field() == 1) {
                key = entry.string(MAX_TEXT);
            } else if (entry.field() == 2) {
                readValue(entry.message(), key, attrs, constStrings);
            }
        }
    }

    private static void readValue(ProtoReader value, String key, Map<String, String> attrs, List<String> constStrings)
            throws IOException {
        while (value.next()) {
            if (value.field() == 2 && attrs.size() < MAX_ATTRS) {
                attrs.put(key, value.string(MAX_PATH_TEXT));
            } else if (value.field() == 8 && key.equals("value")) {
                ProtoReader tensor = value.message();
                while (tensor.next()) {
                    if (tensor.field() == 8 && constStrings.size() < MAX_CONST_STRINGS) {
                        constStrings.add(tensor.string(MAX_PATH_TEXT));
                    }
                }
            }
        }
    }
}
