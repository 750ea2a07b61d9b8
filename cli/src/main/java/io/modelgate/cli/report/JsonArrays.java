package io.modelgate.cli.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collection;
import java.util.stream.Stream;

/** Lists of strings as JSON arrays: the reports write many of them, always the same way. */
public final class JsonArrays {

    private JsonArrays() {
    }

    /** Sets {@code field} of {@code node} to an array of the values, in order. */
    public static ArrayNode putStrings(ObjectNode node, String field, Collection<String> values) {
        return putStrings(node, field, values.stream());
    }

    /** Sets {@code field} of {@code node} to an array of the values, in stream order. */
    public static ArrayNode putStrings(ObjectNode node, String field, Stream<String> values) {
        ArrayNode array = node.putArray(field);
        values.forEachOrdered(array::add);
        return array;
    }
}
