package io.modelgate.scanner.digest;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Streaming SHA-256 of files: one sequential pass through a buffer kept per thread (a buffer per file would
 * be garbage on a folder of many small files). A heap array read through {@link FileInputStream} and handed
 * to the digest whole: measured on a 2 GiB file in a fresh JVM (docs/benchmarks.md), it runs at openssl's
 * speed (about 1,100 MB/s of CPU with SHA-NI), while a direct buffer passed as a ByteBuffer reached about
 * 750 MB/s, the digest copying it out 4 KiB at a time.
 */
public final class Sha256 {

    private static final int BUFFER = 256 * 1024;
    private static final ThreadLocal<byte[]> BUFFERS = ThreadLocal.withInitial(() -> new byte[BUFFER]);
    /** A digest per thread too: looking one up through the providers for every small file cost more than hashing it. */
    private static final ThreadLocal<MessageDigest> DIGESTS = ThreadLocal.withInitial(Sha256::newDigest);

    private Sha256() {
    }

    public static String ofFile(Path file) throws IOException {
        MessageDigest digest = threadDigest();
        byte[] buffer = BUFFERS.get();
        try (InputStream in = new FileInputStream(file.toFile())) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public static String ofBytes(byte[] bytes) {
        return HexFormat.of().formatHex(threadDigest().digest(bytes));
    }

    /** This thread's digest, reset: a read that failed half-way may have left input in it. */
    private static MessageDigest threadDigest() {
        MessageDigest digest = DIGESTS.get();
        digest.reset();
        return digest;
    }

    /**
     * Sets up the platform's digest provider and code (about 20 ms the first time in a process, run interpreted)
     * without hashing anything of a scan: start-up calls it while it waits for other work, so that a scan's
     * first file does not wait for it.
     */
    public static void warmUp() {
        ofBytes(new byte[0]);
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
