package io.modelgate.scanner.tensorflow;

import java.util.List;
import java.util.Map;

/**
 * The parts of a NodeDef the checks use.
 *
 * @param inputs       the first data inputs, reduced to node names (control inputs dropped)
 * @param stringAttrs  string-valued attributes (cut to a bounded length)
 * @param constStrings string values of a Const node's tensor, empty for other nodes
 */
record TfNode(String name, String op, List<String> inputs, Map<String, String> stringAttrs,
              List<String> constStrings) {
}
