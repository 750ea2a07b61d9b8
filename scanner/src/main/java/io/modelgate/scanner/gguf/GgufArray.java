package io.modelgate.scanner.gguf;

import java.util.List;

/**
 * An array value: its element type and length always, its elements only when small (tags,
 * languages); vocabularies and score tables are counted, not kept.
 */
record GgufArray(GgufValueType elementType, long length, List<Object> elements) {

    boolean kept() {
        return elements != null;
    }
}
