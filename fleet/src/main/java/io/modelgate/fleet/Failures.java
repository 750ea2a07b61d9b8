package io.modelgate.fleet;

import io.modelgate.scanner.model.OneLine;

import java.io.IOException;

/** One line for a reviewer about why a unit could not be scanned: no stack trace, no Java class names. */
final class Failures {

    private Failures() {
    }

    static String duration(java.time.Duration d) {
        return d.toMillis() < 1000 ? d.toMillis() + " ms" : d.toSeconds() + " s";
    }

    static String describe(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return "ran out of memory while scanning";
        }
        if (e instanceof StackOverflowError) {
            return "nested too deeply to analyse";
        }
        if (e instanceof ContentDigest.UnitTooLargeException) {
            return e.getMessage();
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        // drop "java.io.FooException: " prefixes that wrapped causes carry
        message = message.replaceAll("(\\b[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(Exception|Error): ", "").trim();
        if (message.isEmpty()) {
            message = "internal error";
        }
        if (message.length() > 300) {
            message = message.substring(0, 300) + "…";
        }
        return OneLine.of((e instanceof IOException ? "could not be read: " : "could not be scanned: ") + message);
    }
}
