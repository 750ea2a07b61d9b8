package io.modelgate.scanner.gguf;

/** A string value longer than what is kept: its first characters and its full byte length. */
record TruncatedString(String prefix, long length) {

    @Override
    public String toString() {
        return prefix;
    }
}
