package io.modelgate.scanner.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Copies a stream (a compressed archive entry, a decompressed payload) into a re-readable source:
 * memory up to a threshold, a temporary file beyond it, and never more than {@code maxBytes}.
 */
public final class Spooler {

    private final long memoryThreshold;

    public Spooler(long memoryThreshold) {
        this.memoryThreshold = memoryThreshold;
    }

    /**
     * @throws LimitExceededException when the stream holds more than {@code maxBytes}
     */
    public ByteSource spool(InputStream in, long maxBytes, String what) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        ByteArrayOutputStream memory = new ByteArrayOutputStream();
        Path temp = null;
        OutputStream out = memory;
        long total = 0;
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new LimitExceededException(what + " expands beyond the limit of " + maxBytes + " bytes");
                }
                if (temp == null && total > memoryThreshold) {
                    temp = Files.createTempFile("modelgate-", ".spool");
                    out = Files.newOutputStream(temp);
                    memory.writeTo(out);
                    memory = null;
                }
                out.write(buffer, 0, n);
            }
            if (temp == null) {
                return new ArrayByteSource(memory.toByteArray());
            }
            out.close();
            ByteSource source = FileByteSource.temporary(temp);
            temp = null;
            return source;
        } finally {
            if (temp != null) {
                out.close();
                Files.deleteIfExists(temp);
            }
        }
    }
}
