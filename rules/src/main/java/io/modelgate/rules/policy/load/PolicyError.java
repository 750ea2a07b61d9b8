package io.modelgate.rules.policy.load;

/**
 * One problem in a policy file.
 *
 * @param line    line of the offending key or value, from 1 (0 when the whole file is concerned)
 * @param column  column, from 1 (0 when unknown)
 * @param message what is wrong and what is expected
 */
public record PolicyError(int line, int column, String message) {

    /** {@code source:line:column: message}, the form compilers use. */
    public String format(String source) {
        return line > 0 ? source + ":" + line + ":" + column + ": " + message : source + ": " + message;
    }
}
