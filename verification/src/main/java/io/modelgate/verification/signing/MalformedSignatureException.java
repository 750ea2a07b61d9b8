package io.modelgate.verification.signing;

/** A signature file or signed statement that does not follow its format (truncated, wrong types, ...). */
public final class MalformedSignatureException extends Exception {

    public MalformedSignatureException(String message) {
        super(message);
    }
}
