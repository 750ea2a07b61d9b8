package io.modelgate.scanner.gguf;

/**
 * One metadata key-value pair as kept in memory.
 *
 * @param key   the key
 * @param type  its value type
 * @param value Long (integers, unsigned kept unsigned where they fit), Double, Boolean, String,
 *              {@link GgufArray}, or {@link TruncatedString} for strings too long to keep
 * @param at    file offset of the key
 */
record GgufEntry(String key, GgufValueType type, Object value, long at) {
}
