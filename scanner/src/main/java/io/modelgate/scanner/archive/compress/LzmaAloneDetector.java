package io.modelgate.scanner.archive.compress;

import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.FormatDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import org.tukaani.xz.LZMAInputStream;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Optional;

/**
 * Recognises lzma-alone streams with any header Python's {@code lzma} module decodes (any lc/lp/pb with
 * lc + lp at most 4, any dictionary size), not only the common {@code 5d} properties the magic detector
 * knows. With no magic number, the start of the stream must also decode: the detector runs after the
 * structural sniffers, and trial-decodes at most the head with a small dictionary (the trial output is
 * smaller than the dictionary, so the declared size does not matter). Running out of input after some output
 * counts as decoding: a cut-off stream still yields what precedes the cut.
 */
public final class LzmaAloneDetector implements FormatDetector {

    private static final int TRIAL_DICTIONARY = 1 << 20;
    private static final int TRIAL_OUTPUT = 64 * 1024;

    @Override
    public Optional<Detection> detect(ByteSource source, byte[] head, String name) {
        if (!LzmaAloneHeader.plausible(head) || !namedOrTypicalDictionary(head, name)
                || !decodes(head, namedLzma(name))) {
            return Optional.empty();
        }
        return Optional.of(new Detection(ModelFormat.LZMA, "lzma-alone header, and its start decodes"));
    }

    /**
     * Content alone is weak evidence: raw weight shards often start with zero bytes, which read as properties 0
     * and a dictionary of 0 bytes. Without an {@code .lzma} name the dictionary must be one an encoder writes:
     * at least 4 KiB and 2^n or 2^n + 2^(n-1) (the sizes liblzma's format auto-detection accepts), or unknown.
     */
    private static boolean namedOrTypicalDictionary(byte[] head, String name) {
        if (name != null && name.toLowerCase(java.util.Locale.ROOT).endsWith(".lzma")) {
            return true;
        }
        long dict = (head[1] & 0xffL) | (head[2] & 0xffL) << 8 | (head[3] & 0xffL) << 16 | (head[4] & 0xffL) << 24;
        if (dict == 0xffffffffL) {
            return true;
        }
        if (dict < 4096) {
            return false;
        }
        long highest = Long.highestOneBit(dict);
        return dict == highest || dict == highest + (highest >> 1);
    }

    /** The name only relaxes the trial (more is analysed), never the header checks. */
    private static boolean namedLzma(String name) {
        return name != null && name.toLowerCase(java.util.Locale.ROOT).endsWith(".lzma");
    }

    /**
     * The head decodes without error (or runs out after some output); under a {@code .lzma} name, output
     * before an error is enough, since a loader receives that output, and so is a stream cut off before
     * its first byte of output.
     */
    private static boolean decodes(byte[] head, boolean namedLzma) {
        long size = LzmaAloneHeader.uncompressedSize(head);
        ByteArrayInputStream data = new ByteArrayInputStream(head, LzmaAloneHeader.BYTES,
                head.length - LzmaAloneHeader.BYTES);
        int produced = 0;
        try (LZMAInputStream lzma = new LZMAInputStream(data, size, head[0], TRIAL_DICTIONARY, null)) {
            // byte by byte, so output decoded before running out of input is counted
            while (produced < TRIAL_OUTPUT) {
                if (lzma.read() < 0) {
                    return produced > 0;
                }
                produced++;
            }
            return true;
        } catch (EOFException e) {
            return produced > 0 || namedLzma;
        } catch (IOException | RuntimeException e) {
            return namedLzma && produced > 0;
        }
    }
}
