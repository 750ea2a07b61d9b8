package io.modelgate.cli;

import io.modelgate.scanner.VerificationOptions;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The {@code scan} options that give expected digests, keys and trust anchors. */
public final class VerificationMixin {

    @Option(names = "--lock", paramLabel = "FILE",
            description = "Approved modelgate.lock: every changed, added or removed file of the scanned folder is a "
                    + "finding.")
    Path lock;

    @Option(names = "--public-key", paramLabel = "FILE",
            description = "PEM public key accepted for model signatures (model.sig); repeatable.")
    List<Path> publicKeys = new ArrayList<>();

    @Option(names = "--ca-cert", paramLabel = "FILE",
            description = "PEM CA certificate(s) that certificate-based model signatures must chain to; repeatable.")
    List<Path> caCertificates = new ArrayList<>();

    @Option(names = "--trust-root", paramLabel = "FILE",
            description = "Sigstore trusted_root.json for the offline checks of keyless signatures.")
    Path trustRoot;

    @Option(names = "--keyring", paramLabel = "FILE",
            description = "OpenPGP public key ring for detached .asc/.sig signatures; repeatable.")
    List<Path> keyrings = new ArrayList<>();

    @Option(names = "--ignore-paths", paramLabel = "PATH", split = ",",
            description = "Path left out when a model signature (model.sig) is compared with the folder, as the "
                    + "reference verifier's --ignore-paths: a file or folder inside the scanned folder, relative to "
                    + "the working folder; repeatable or comma-separated.")
    List<Path> ignorePaths = new ArrayList<>();

    /**
     * The options given, with the policy's keys, certificates, trust root, keyrings and lock file added (the
     * command line's lock file and trust root win over the policy's).
     */
    VerificationOptions options(io.modelgate.rules.policy.Policy policy) {
        List<Path> all = new ArrayList<>(publicKeys);
        all.addAll(caCertificates);
        all.addAll(keyrings);
        if (lock != null) {
            all.add(lock);
        }
        if (trustRoot != null) {
            all.add(trustRoot);
        }
        for (Path file : all) {
            if (!Files.isRegularFile(file)) {
                throw new UsageException("no such file: " + file);
            }
        }
        if (policy == null) {
            return new VerificationOptions(lock, publicKeys, caCertificates, trustRoot, keyrings, ignorePaths);
        }
        io.modelgate.rules.policy.SignaturePolicy signature = policy.signature()
                .withMaterial(publicKeys, caCertificates, trustRoot, keyrings);
        Path lockFile = lock != null ? lock : policy.lock().file();
        return new VerificationOptions(lockFile, signature.publicKeys(), signature.certificates(),
                signature.trustRoot(), signature.keyrings(), ignorePaths);
    }
}
