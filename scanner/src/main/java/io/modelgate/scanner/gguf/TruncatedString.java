package io.modelgate.scanner.gguf;

/**
 * A string value longer than what is kept in memory.
 *
 * @param prefix its first characters
 * @param length its full length in bytes
 * @param offset file offset of its first byte, so it can still be streamed from the file
 */
record TruncatedString(String prefix, long length, long offset) {

    @Override
    public String toString() {
        return prefix;
    }
}
