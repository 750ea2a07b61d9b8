package io.modelgate.rules.policy.spdx;

/** A license expression that is malformed or names an unknown id; the message says which token. */
public final class SpdxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SpdxException(String message) {
        super(message);
    }
}
