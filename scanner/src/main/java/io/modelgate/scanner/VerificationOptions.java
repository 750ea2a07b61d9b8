package io.modelgate.scanner;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the user gave to check a model against: an approved lock file, public keys, CA certificates,
 * a Sigstore trust root, PGP key rings. Immutable; {@link #none()} when nothing was given.
 *
 * @param lockFile       digest manifest the scanned folder must match exactly, or null
 * @param publicKeys     PEM public keys accepted for key-based model signatures
 * @param caCertificates PEM CA certificates accepted as trust anchors for certificate signatures
 * @param trustRoot      Sigstore trusted_root.json for offline checks of keyless signatures, or null
 * @param keyrings       OpenPGP public key rings for detached signatures
 * @param ignorePaths    paths left out when a model signature is compared with the folder (as the
 *                       reference verifier's --ignore-paths), in addition to those the signature records
 */
public record VerificationOptions(Path lockFile, List<Path> publicKeys, List<Path> caCertificates, Path trustRoot,
                                  List<Path> keyrings, List<Path> ignorePaths) {

    public VerificationOptions {
        publicKeys = List.copyOf(publicKeys);
        caCertificates = List.copyOf(caCertificates);
        keyrings = List.copyOf(keyrings);
        ignorePaths = List.copyOf(ignorePaths);
    }

    public VerificationOptions(Path lockFile, List<Path> publicKeys, List<Path> caCertificates, Path trustRoot,
                               List<Path> keyrings) {
        this(lockFile, publicKeys, caCertificates, trustRoot, keyrings, List.of());
    }

    /** True when a key, CA, trust root or key ring was given: a signature from it is then required. */
    public boolean suppliesSigners() {
        return !publicKeys.isEmpty() || !caCertificates.isEmpty() || trustRoot != null || !keyrings.isEmpty();
    }

    public VerificationOptions withIgnorePaths(List<Path> paths) {
        return new VerificationOptions(lockFile, publicKeys, caCertificates, trustRoot, keyrings, paths);
    }

    public static VerificationOptions none() {
        return new VerificationOptions(null, List.of(), List.of(), null, List.of());
    }

    public Optional<Path> lock() {
        return Optional.ofNullable(lockFile);
    }

    public Optional<Path> sigstoreTrustRoot() {
        return Optional.ofNullable(trustRoot);
    }

    public VerificationOptions withLockFile(Path lock) {
        return new VerificationOptions(lock, publicKeys, caCertificates, trustRoot, keyrings, ignorePaths);
    }

    public VerificationOptions withPublicKeys(List<Path> keys) {
        return new VerificationOptions(lockFile, keys, caCertificates, trustRoot, keyrings, ignorePaths);
    }

    public VerificationOptions withCaCertificates(List<Path> certificates) {
        return new VerificationOptions(lockFile, publicKeys, certificates, trustRoot, keyrings, ignorePaths);
    }

    public VerificationOptions withTrustRoot(Path root) {
        return new VerificationOptions(lockFile, publicKeys, caCertificates, root, keyrings, ignorePaths);
    }

    public VerificationOptions withKeyrings(List<Path> rings) {
        return new VerificationOptions(lockFile, publicKeys, caCertificates, trustRoot, rings, ignorePaths);
    }
}
