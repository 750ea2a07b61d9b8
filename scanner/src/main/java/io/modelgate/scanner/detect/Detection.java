package io.modelgate.scanner.detect;

/** The format a detector recognised, and why (reported to the user). */
public record Detection(ModelFormat format, String reason) {
}
