package io.modelgate.provenance.kb;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One fingerprint of a family or generation.
 *
 * @param on     what the value is matched against
 * @param value  the expected value (a regular expression for {@link SignalKind#TENSOR})
 * @param weight how much a match alone says, 0 to 1 (shared traits get small weights)
 * @param note   why the signal is distinctive, shown to users
 */
public record SignalDef(SignalKind on, String value, double weight, String note) {

    public SignalDef {
        Objects.requireNonNull(on, "signal 'on' is missing");
        Objects.requireNonNull(value, "signal 'value' is missing");
        if (!(weight > 0 && weight < 1)) {
            throw new IllegalArgumentException("signal weight must be between 0 and 1 (exclusive): " + value);
        }
        if (on == SignalKind.TENSOR) {
            Pattern.compile(value);
        }
    }
}
