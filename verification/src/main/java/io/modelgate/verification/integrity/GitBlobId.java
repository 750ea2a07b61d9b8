package io.modelgate.verification.integrity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Git's object id of a file (SHA-1 of {@code "blob <size>\0"} + content), used for small non-LFS files. */
final class GitBlobId {

    static final Pattern SHA1 = Pattern.compile("[0-9a-f]{40}");
    /** Git-hashed (non-LFS) files are small; larger ones are not re-read for a SHA-1. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private GitBlobId() {
    }

    static String of(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha1.digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by the Java platform", e);
        }
    }
}
