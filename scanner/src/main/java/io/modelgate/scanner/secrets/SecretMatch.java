package io.modelgate.scanner.secrets;

/**
 * A credential found in text.
 *
 * @param kind     what it is
 * @param start    index of its first character in the scanned text
 * @param redacted a form safe to print: enough to find it, not enough to use it
 */
public record SecretMatch(SecretKind kind, int start, String redacted) {
}
