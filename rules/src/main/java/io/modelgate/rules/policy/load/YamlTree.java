package io.modelgate.rules.policy.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.modelgate.scanner.data.CompactTree;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one YAML document into {@link Node}s that remember their line and column, so every later error can
 * point at the value it is about. Duplicate keys and a second document are errors.
 */
final class YamlTree {

    /** Where a compiled tree's nodes are: nowhere shown, see {@link #readCompact}. */
    private static final Node.Mark COMPILED = new Node.Mark(0, 0);

    private YamlTree() {
    }

    /**
     * Set up on first use only: built-in profiles are read from their compiled form, which needs no parser (and
     * so none of its classes) at all.
     */
    private static final class Yaml {
        private static final int MAX_DEPTH = 32;
        static final YAMLFactory FACTORY = YAMLFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build();
    }

    /**
     * A tree compiled by {@link #compact} (a built-in profile, compiled at build time): read without setting up a
     * YAML or JSON parser, which a small scan would otherwise pay for its default policy. Marks are line 0: a
     * built-in profile is checked when it is compiled, so none is ever shown.
     */
    static Node readCompact(byte[] data) throws PolicyException {
        try {
            return node(CompactTree.read(data));
        } catch (IOException e) {
            throw PolicyException.at(COMPILED, "unreadable: " + e.getMessage());
        }
    }

    private static Node node(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Node.Entry> entries = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = (String) entry.getKey();
                entries.put(key, new Node.Entry(key, COMPILED, node(entry.getValue())));
            }
            return new Node.MapNode(entries, COMPILED);
        }
        if (value instanceof List<?> list) {
            List<Node> items = new ArrayList<>(list.size());
            for (Object item : list) {
                items.add(node(item));
            }
            return new Node.ListNode(items, COMPILED);
        }
        if (value instanceof String text) {
            return new Node.Scalar(text, Node.ScalarType.TEXT, COMPILED);
        }
        if (value instanceof CompactTree.NumberText number) {
            return new Node.Scalar(number.text(), Node.ScalarType.NUMBER, COMPILED);
        }
        if (value instanceof Boolean flag) {
            return new Node.Scalar(flag.toString(), Node.ScalarType.BOOLEAN, COMPILED);
        }
        return new Node.Scalar("null", Node.ScalarType.NULL, COMPILED);
    }

    /** The tree in the compact form's value types, for {@link #readCompact}. */
    static Object compact(Node node) {
        if (node instanceof Node.MapNode map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Node.Entry entry : map.entries().values()) {
                out.put(entry.key(), compact(entry.value()));
            }
            return out;
        }
        if (node instanceof Node.ListNode list) {
            List<Object> out = new ArrayList<>(list.items().size());
            for (Node item : list.items()) {
                out.add(compact(item));
            }
            return out;
        }
        Node.Scalar scalar = (Node.Scalar) node;
        return switch (scalar.type()) {
            case TEXT -> scalar.text();
            case NUMBER -> new CompactTree.NumberText(scalar.text());
            case BOOLEAN -> canonicalBoolean(scalar);
            case NULL -> null;
        };
    }

    /** The compiled form has only true and false: another spelling (NO, on) would read differently, so it is refused. */
    private static boolean canonicalBoolean(Node.Scalar scalar) {
        if (!scalar.text().equals("true") && !scalar.text().equals("false")) {
            throw new IllegalArgumentException("'" + scalar.text() + "' at line " + scalar.mark().line()
                    + " has no compiled form; write true or false");
        }
        return scalar.isTrue();
    }

    /** The document's root node, or null for an empty document. */
    static Node read(String text) throws PolicyException {
        try (JsonParser parser = Yaml.FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return null;
            }
            Node root = value(parser);
            JsonToken after = parser.nextToken();
            if (after != null) {
                throw PolicyException.at(mark(parser.currentTokenLocation()),
                        "a policy file holds one YAML document; found a second one");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String message = e.getOriginalMessage().lines().findFirst().orElse("malformed YAML");
            throw PolicyException.at(where == null ? new Node.Mark(0, 0) : mark(where), "not valid YAML: " + message);
        } catch (IOException e) {
            throw PolicyException.at(new Node.Mark(0, 0), "unreadable: " + e.getMessage());
        }
    }

    private static Node value(JsonParser parser) throws IOException, PolicyException {
        Node.Mark mark = mark(parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> map(parser, mark);
            case START_ARRAY -> list(parser, mark);
            case VALUE_STRING -> new Node.Scalar(parser.getText(), Node.ScalarType.TEXT, mark);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Node.Scalar(parser.getText(), Node.ScalarType.NUMBER,
                    mark);
            case VALUE_TRUE, VALUE_FALSE -> new Node.Scalar(parser.getText(), Node.ScalarType.BOOLEAN, mark);
            case VALUE_NULL -> new Node.Scalar(parser.getText(), Node.ScalarType.NULL, mark);
            default -> throw PolicyException.at(mark, "unsupported YAML construct (" + token + ")");
        };
    }

    private static Node map(JsonParser parser, Node.Mark mark) throws IOException, PolicyException {
        Map<String, Node.Entry> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            Node.Mark keyMark = mark(parser.currentTokenLocation());
            if (entries.containsKey(key)) {
                Node.Mark first = entries.get(key).keyMark();
                throw PolicyException.at(keyMark, "duplicate key '" + key + "' (first at line " + first.line() + ")");
            }
            parser.nextToken();
            entries.put(key, new Node.Entry(key, keyMark, value(parser)));
        }
        return new Node.MapNode(entries, mark);
    }

    private static Node list(JsonParser parser, Node.Mark mark) throws IOException, PolicyException {
        List<Node> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(value(parser));
        }
        return new Node.ListNode(items, mark);
    }

    private static Node.Mark mark(JsonLocation location) {
        return new Node.Mark(location.getLineNr(), location.getColumnNr());
    }
}
