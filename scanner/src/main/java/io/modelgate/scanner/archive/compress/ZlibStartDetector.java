package io.modelgate.scanner.archive.compress;

import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.FormatDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;

import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Recognises a zlib stream that breaks after its start: the magic detector wants the whole head to inflate
 * cleanly (two header bytes alone match one input in 500), but a loader reading a damaged stream still
 * receives what precedes the damage. Running after the structural sniffers, this detector accepts a valid
 * zlib header whose deflate data yields output before any error.
 */
public final class ZlibStartDetector implements FormatDetector {

    private static final int TRIAL_OUTPUT = 1 << 20;

    @Override
    public Optional<Detection> detect(ByteSource source, byte[] head, String name) {
        if (head.length < 3 || !Members.zlibHeader(head[0] & 0xff, head[1] & 0xff) || (head[1] & 0x20) != 0
                || plainAscii(head) || !yieldsOutput(head)) {
            return Optional.empty();
        }
        return Optional.of(new Detection(ModelFormat.ZLIB, "zlib header, and its start inflates"));
    }

    /**
     * Text whose first two characters happen to form a zlib header (one pair in 31, e.g. "(S" or "x^"): deflate
     * data is dense, and even a stored block carries a length and its complement, so a real stream is never
     * printable ASCII through its first bytes.
     */
    static boolean plainAscii(byte[] head) {
        int n = Math.min(head.length, 512);
        for (int i = 0; i < n; i++) {
            int c = head[i] & 0xff;
            if (c > 0x7e || c < 0x20 && (c < 0x09 || c > 0x0d)) {
                return false;
            }
        }
        return true;
    }

    private static boolean yieldsOutput(byte[] head) {
        Inflater inflater = new Inflater();
        byte[] out = new byte[1];
        long produced = 0;
        try {
            inflater.setInput(head);
            while (!inflater.finished() && !inflater.needsInput() && produced < TRIAL_OUTPUT) {
                int n = inflater.inflate(out);
                if (n == 0) {
                    break;
                }
                produced += n;
            }
        } catch (DataFormatException e) {
            // what was inflated before the error is what a loader receives
        } finally {
            inflater.end();
        }
        return produced > 0;
    }
}
