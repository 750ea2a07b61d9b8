package io.modelgate.rules.policy;

import java.nio.file.Path;

/**
 * The {@code lock} section.
 *
 * @param required every model must have been checked against a lock file and match it
 * @param file     the approved lock file, null when none; a model that does not match it rejects
 */
public record LockPolicy(boolean required, Path file) {

    public static LockPolicy none() {
        return new LockPolicy(false, null);
    }
}
