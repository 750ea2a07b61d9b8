package io.modelgate.scanner.template;

/** The template is not valid Jinja syntax (Jinja itself would refuse to compile it). */
final class TemplateSyntaxException extends Exception {

    private final int offset;

    TemplateSyntaxException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    int offset() {
        return offset;
    }
}
