package io.modelgate.scanner.config;

/**
 * The way down to a node, kept as links and rendered only when a finding needs it: most nodes of a config are
 * never reported, and building every path as text would cost more than reading the document.
 *
 * @param parent the trail to the enclosing node, null at the document
 * @param key    the mapping key leading here, or null for a list item
 * @param index  the list index leading here (unused for a key)
 */
record KeyTrail(KeyTrail parent, String key, int index) {

    static final KeyTrail ROOT = new KeyTrail(null, null, -1);

    KeyTrail child(String childKey) {
        return new KeyTrail(this, childKey, -1);
    }

    KeyTrail item(int childIndex) {
        return new KeyTrail(this, null, childIndex);
    }

    /** The path as shown in findings ({@code model.encoder._target_}, {@code callbacks[1]}). */
    String render() {
        if (parent == null) {
            return "";
        }
        String above = parent.render();
        return key != null ? KeyPaths.child(above, key) : KeyPaths.index(above, index);
    }
}
