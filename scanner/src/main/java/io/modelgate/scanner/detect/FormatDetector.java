package io.modelgate.scanner.detect;

import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.util.Optional;

/**
 * Recognises a format from content. {@code head} holds the first bytes of the source (up to
 * {@link ContentDetector#HEAD_BYTES}); the file name is a hint only and must never decide alone
 * that a file is harmless.
 */
public interface FormatDetector {

    Optional<Detection> detect(ByteSource source, byte[] head, String name) throws IOException;
}
