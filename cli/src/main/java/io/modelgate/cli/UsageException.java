package io.modelgate.cli;

/**
 * A command line the user has to correct, found while the command runs (a missing file, a value out of range, an
 * invalid policy): reported as picocli reports a bad option, with exit code 64. Thrown by the option classes the
 * commands share, which do not depend on how the command line was read.
 */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
