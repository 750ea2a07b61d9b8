package io.modelgate.verification.signing;

import io.modelgate.scanner.digest.Sha256;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.digests.Blake3Digest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Hashes a byte range of a file with one of the hash types model_signing records: sha256, blake2b
 * (64-byte digest, Python's default) or blake3 (32-byte digest).
 */
final class ResourceHasher {

    private static final int BUFFER = 1 << 20;

    private ResourceHasher() {
    }

    static boolean supports(String hashType) {
        return switch (hashType) {
            case "sha256", "blake2b", "blake3" -> true;
            default -> false;
        };
    }

    static String hash(String hashType, Path file, long offset, long length) throws IOException {
        Sink sink = sink(hashType);
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(BUFFER, Math.max(1, length)));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long position = offset;
            long end = offset + length;
            while (position < end) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
                int n = channel.read(buffer, position);
                if (n < 0) {
                    throw new IOException(file + " is shorter than expected");
                }
                sink.update(buffer.array(), 0, n);
                position += n;
            }
        }
        return HexFormat.of().formatHex(sink.finish());
    }

    private interface Sink {
        void update(byte[] bytes, int offset, int length);

        byte[] finish();
    }

    private static Sink sink(String hashType) {
        return switch (hashType) {
            case "sha256" -> jca(Sha256.newDigest());
            case "blake2b" -> bc(new Blake2bDigest(512));
            case "blake3" -> bc(new Blake3Digest(256));
            default -> throw new IllegalArgumentException("unsupported hash " + hashType);
        };
    }

    private static Sink jca(MessageDigest digest) {
        return new Sink() {
            public void update(byte[] bytes, int offset, int length) {
                digest.update(bytes, offset, length);
            }

            public byte[] finish() {
                return digest.digest();
            }
        };
    }

    private static Sink bc(Digest digest) {
        return new Sink() {
            public void update(byte[] bytes, int offset, int length) {
                digest.update(bytes, offset, length);
            }

            public byte[] finish() {
                byte[] out = new byte[digest.getDigestSize()];
                digest.doFinal(out, 0);
                return out;
            }
        };
    }
}
