package io.modelgate.verification.signing;

import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.jcajce.JcaKeyFingerprintCalculator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** OpenPGP public key rings given with {@code --keyring} (binary or ASCII-armoured, as gpg exports them). */
public final class PgpKeyrings {

    /** Exported key rings are small; a larger file is not read. */
    private static final long MAX_BYTES = 16L * 1024 * 1024;

    private final List<PGPPublicKeyRingCollection> collections;
    private final List<Path> files;

    private PgpKeyrings(List<PGPPublicKeyRingCollection> collections, List<Path> files) {
        this.collections = collections;
        this.files = files;
    }

    public static PgpKeyrings read(List<Path> files) throws IOException {
        List<PGPPublicKeyRingCollection> collections = new ArrayList<>();
        for (Path file : files) {
            if (Files.size(file) > MAX_BYTES) {
                throw new IOException(file + ": too large for a public key ring");
            }
            try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
                collections.add(new PGPPublicKeyRingCollection(in, new JcaKeyFingerprintCalculator()));
            } catch (PGPException | RuntimeException e) {
                throw new IOException(file + ": not an OpenPGP public key ring: " + e.getMessage(), e);
            }
        }
        return new PgpKeyrings(collections, List.copyOf(files));
    }

    public boolean isEmpty() {
        return collections.isEmpty();
    }

    /** The key (primary or subkey) with this id, and its ring. */
    public Optional<PGPPublicKey> key(long keyId) {
        for (PGPPublicKeyRingCollection collection : collections) {
            PGPPublicKey key = collection.getPublicKey(keyId);
            if (key != null) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    /** The key ring file holding the key with this id. */
    public Optional<Path> fileOf(long keyId) {
        for (int i = 0; i < collections.size(); i++) {
            if (collections.get(i).getPublicKey(keyId) != null) {
                return Optional.of(files.get(i));
            }
        }
        return Optional.empty();
    }

    /** User ids of the ring holding the key (a subkey carries none itself). */
    public List<String> userIds(long keyId) {
        List<String> ids = new ArrayList<>();
        for (PGPPublicKeyRingCollection collection : collections) {
            PGPPublicKeyRing ring = collection.getPublicKeyRing(keyId);
            if (ring != null) {
                ring.getPublicKey().getUserIDs().forEachRemaining(ids::add);
            }
        }
        return ids;
    }
}
