package io.modelgate.scanner.detect;

/**
 * Cheap looks at a file's head for detectors that would otherwise decode all of it to text before their first
 * test: every file meets every detector until one claims it, so a quick "cannot be mine" matters.
 */
public final class Heads {

    private Heads() {
    }

    /**
     * Whether the head's first byte that is not ASCII white space (what {@code \s} matches in a Java pattern) is
     * {@code expected}: a JSON object starts with {@code '{'}.
     */
    public static boolean firstNonBlankIs(byte[] head, char expected) {
        for (byte b : head) {
            if (b != ' ' && b != '\t' && b != '\n' && b != 0x0b && b != '\f' && b != '\r') {
                return b == expected;
            }
        }
        return false;
    }
}
