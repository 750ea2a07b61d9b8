package io.modelgate.sbom.spdx;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code @graph} of an SPDX 3 document being built: elements with IRIs under one document namespace,
 * each created once (asking again for the same local name returns the same element).
 */
final class SpdxGraph {

    static final String CREATION_INFO = "_:creationinfo";

    private final String namespace;
    private final Map<String, ObjectNode> elements = new LinkedHashMap<>();
    private final List<ObjectNode> others = new ArrayList<>();

    SpdxGraph(String namespace) {
        this.namespace = namespace;
    }

    /** The element with this local name, created with {@code type} when it does not exist yet. */
    ObjectNode element(String type, String localName) {
        return elements.computeIfAbsent(localName, k -> {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("type", type);
            node.put("spdxId", iri(localName));
            node.put("creationInfo", CREATION_INFO);
            return node;
        });
    }

    boolean has(String localName) {
        return elements.containsKey(localName);
    }

    String iri(String localName) {
        return namespace + "#" + localName.replaceAll("[^A-Za-z0-9._~-]", "_");
    }

    /** A node that is not an element (the creation info). */
    void add(ObjectNode node) {
        others.add(node);
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

    List<ObjectNode> nodes() {
        List<ObjectNode> all = new ArrayList<>(others);
        all.addAll(elements.values());
        return all;
    }

    List<String> elementIris() {
        return elements.values().stream().map(n -> n.get("spdxId").asText()).toList();
    }
}
