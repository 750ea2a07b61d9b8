package io.modelgate.rules.policy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code signature} section. Naming any verification material makes a valid signature from it a
 * requirement, as {@code required} does.
 *
 * @param required     every model must carry a valid signature
 * @param publicKeys   PEM public keys for key-based signatures
 * @param certificates PEM CA certificates certificate-based signatures must chain to
 * @param trustRoot    Sigstore trusted_root.json for keyless signatures, null when none
 * @param keyrings     OpenPGP public key rings for detached signatures
 * @param identities   accepted signers (certificate subject or SAN, OIDC identity, PGP user id, key id); empty for any
 */
public record SignaturePolicy(boolean required, List<Path> publicKeys, List<Path> certificates, Path trustRoot,
                              List<Path> keyrings, List<String> identities) {

    public SignaturePolicy {
        publicKeys = List.copyOf(publicKeys);
        certificates = List.copyOf(certificates);
        keyrings = List.copyOf(keyrings);
        identities = List.copyOf(identities);
    }

    public static SignaturePolicy none() {
        return new SignaturePolicy(false, List.of(), List.of(), null, List.of(), List.of());
    }

    public boolean hasMaterial() {
        return !publicKeys.isEmpty() || !certificates.isEmpty() || trustRoot != null || !keyrings.isEmpty();
    }

    /** Whether a signature is demanded of every model. */
    public boolean demanded() {
        return required || hasMaterial();
    }

    /** The signing methods the material can verify: key, certificate, keyless, detached. */
    public List<String> methods() {
        List<String> methods = new ArrayList<>();
        if (!publicKeys.isEmpty()) {
            methods.add("key");
        }
        if (!certificates.isEmpty()) {
            methods.add("certificate");
        }
        if (trustRoot != null) {
            methods.add("keyless");
        }
        if (!keyrings.isEmpty()) {
            methods.add("detached");
        }
        return methods;
    }

    /** This section with more verification material added (from the command line). */
    public SignaturePolicy withMaterial(List<Path> keys, List<Path> cas, Path root, List<Path> rings) {
        List<Path> allKeys = new ArrayList<>(publicKeys);
        allKeys.addAll(keys);
        List<Path> allCas = new ArrayList<>(certificates);
        allCas.addAll(cas);
        List<Path> allRings = new ArrayList<>(keyrings);
        allRings.addAll(rings);
        return new SignaturePolicy(required, allKeys, allCas, root != null ? root : trustRoot, allRings, identities);
    }
}
