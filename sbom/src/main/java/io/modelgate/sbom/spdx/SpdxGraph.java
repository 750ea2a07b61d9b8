package io.modelgate.sbom.spdx;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code @graph} of an SPDX 3 document being written: elements with IRIs under one document namespace,
 * each created once (asking again for the same local name returns the same element) and written, in the order
 * they were created, when {@link #flush} is called. A written element is not kept: asking for it again gives a
 * detached copy, which is right because an element shared by several models (a publisher, a license, a base,
 * a package) is given the same content each time. Only the elements' IRIs are kept, for the document's list.
 */
final class SpdxGraph {


    static final String CREATION_INFO = "_:creationinfo";

    /** Where finished nodes go. */
    @FunctionalInterface
    interface Sink {
        void write(ObjectNode node) throws IOException;
    }

    private final String namespace;
    private final Sink sink;
    private final Map<String, ObjectNode> pending = new LinkedHashMap<>();
    private final Set<String> written = new HashSet<>();
    private final List<String> iris = new ArrayList<>();

    SpdxGraph(String namespace, Sink sink) {
        this.namespace = namespace;
        this.sink = sink;
    }

    /** The element with this local name, created with {@code type} when it does not exist yet. */
    ObjectNode element(String type, String localName) {
        ObjectNode existing = pending.get(localName);
        if (existing != null) {
            return existing;
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", type);
        node.put("spdxId", iri(localName));
        node.put("creationInfo", CREATION_INFO);
        if (written.contains(localName)) {
            return node;   // detached: the written element has this content already
        }
        pending.put(localName, node);
        iris.add(iri(localName));
        return node;
    }

    String iri(String localName) {
        return namespace + "#" + safeName(localName);
    }

    /**
     * The local name with each character (code point) outside {@code A-Za-z0-9._~-} made {@code _}: one pass,
     * where a regular expression per element was a third of the time an SPDX document of 20,000 units took.
     */
    static String safeName(String localName) {
        StringBuilder out = null;
        for (int i = 0; i < localName.length(); ) {
            int c = localName.codePointAt(i);
            int width = Character.charCount(c);
            boolean kept = c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '~' || c == '-');
            if (!kept && out == null) {
                out = new StringBuilder(localName.length()).append(localName, 0, i);
            }
            if (out != null) {
                if (kept) {
                    out.append((char) c);
                } else {
                    out.append('_');
                }
            }
            i += width;
        }
        return out == null ? localName : out.toString();
    }

    /** A node that is not an element (the creation info), written at once. */
    void add(ObjectNode node) throws IOException {
        sink.write(node);
    }

    /** A relationship {@code from -> to} of the given type. */
    void relate(String localFrom, String type, List<String> localTo) {
        if (localTo.isEmpty()) {
            return;
        }
        ObjectNode relationship = element("Relationship", "rel-" + type + "-" + localFrom);
        relationship.put("from", iri(localFrom));
        relationship.put("relationshipType", type);
        ArrayNode to = relationship.withArray("to");
        localTo.forEach(t -> to.add(iri(t)));
    }

    /** Writes the elements created since the last flush, in the order they were created. */
    void flush() throws IOException {
        for (Map.Entry<String, ObjectNode> entry : pending.entrySet()) {
            sink.write(entry.getValue());
            written.add(entry.getKey());
        }
        pending.clear();
    }

    /** The IRI of every element created so far, in order. */
    List<String> elementIris() {
        return iris;
    }
}
