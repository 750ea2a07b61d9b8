package io.modelgate.scanner.template;

/** The template needs more tokens or deeper nesting than the analyser accepts. */
final class TemplateLimitException extends Exception {

    TemplateLimitException(String message) {
        super(message);
    }
}
