package io.modelgate.scanner.tensorflow;

import java.util.List;
import java.util.Map;

/**
 * The parts of a NodeDef the checks use.
 *
 * @param inputs       the first data inputs, reduced to node names (control inputs dropped)
 * @param stringAttrs  string-valued attributes (cut to a bounded length)
 * @param constStrings string values of a Const node's tensor, empty for other nodes
 * @param blobs        long string values (constants or attributes) in full: they may carry a serialized
 *                     graph, pickle or archive, and are analysed as embedded artifacts
 */
record TfNode(String name, String op, List<String> inputs, Map<String, String> stringAttrs,
              List<String> constStrings, List<byte[]> blobs) {

    /** The node without its long values, once they have been analysed (graph scopes keep nodes). */
    TfNode withoutBlobs() {
        return blobs.isEmpty() ? this : new TfNode(name, op, inputs, stringAttrs, constStrings, List.of());
    }
}
