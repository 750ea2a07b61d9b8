package io.modelgate.verification.signing;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.security.Provider;

/** The Bouncy Castle provider instance used for all signature work (not installed JVM-wide). */
final class BouncyCastle {

    static final Provider PROVIDER = new BouncyCastleProvider();

    private BouncyCastle() {
    }
}
