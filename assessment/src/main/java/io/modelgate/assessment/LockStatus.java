package io.modelgate.assessment;

import java.util.Locale;

/** How a unit compares with the approved lock file. */
public enum LockStatus {
    /** No lock file was given for the unit. */
    NOT_CHECKED,
    /** Every file matches the lock. */
    MATCH,
    /** A file was changed, added or removed since the lock was written. */
    MISMATCH,
    /** The lock file could not be read or parsed (fail closed: the unit is incomplete). */
    ERROR;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
