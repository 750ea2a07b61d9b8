package io.modelgate.scanner.python;

/** The source cannot be tokenised (unterminated string, stray character): Python would refuse it too. */
final class PythonSyntaxException extends Exception {

    PythonSyntaxException(String message, int line) {
        super(message + " at line " + line);
    }
}
