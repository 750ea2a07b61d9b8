package io.modelgate.scanner.archive.compress;

import io.modelgate.scanner.analysis.Failures;
import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.archive.ArchiveWalk;
import io.modelgate.scanner.detect.ContentDetector;
import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.MagicDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import org.apache.commons.compress.MemoryLimitException;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * Single compressed streams (gzip, bzip2, xz, lzma-alone, zstd, zlib): the payload is expanded under the
 * ratio and size limits and analysed one level deeper, where a compressed tar is detected as a tar. A
 * damaged stream is decoded as far as Python's readers decode it; that payload is analysed and the damage
 * makes the file incomplete.
 */
public final class CompressedStreamAnalyzer implements FormatAnalyzer {

    @Override
    public Set<ModelFormat> formats() {
        return Decoders.FORMATS;
    }

    @Override
    public void analyze(ByteSource source, AnalysisContext context) throws IOException {
        ArchiveWalk walk = new ArchiveWalk(context);
        ModelFormat format = sniff(source, context);
        String payload = PayloadNames.payloadName(context.path().leafName());
        DecodedStream decoded;
        try {
            decoded = DecodedStream.open(format, source, context.deadline());
        } catch (MemoryLimitException | org.tukaani.xz.MemoryLimitException e) {
            context.limitReached(format.id() + " decoder needs more memory than allowed: " + Failures.describe(e));
            return;
        } catch (IOException | RuntimeException e) {
            walk.corrupt(payload, "cannot start " + format.id() + " decoding: " + Failures.describe(e));
            return;
        }
        try (decoded) {
            walk.expandAndScan(payload, decoded, source.size(), Optional.empty());
        }
        if (decoded.members() > 1) {
            context.fact("compressed.members", decoded.members());
        }
        decoded.damage().ifPresent(reason -> walk.corrupt(payload, reason));
    }

    /** Which decoder applies, from the stream's own header (the analyser serves several formats). */
    private static ModelFormat sniff(ByteSource source, AnalysisContext context) throws IOException {
        byte[] head = source.prefix(ContentDetector.HEAD_BYTES);
        Optional<Detection> found = new MagicDetector().detect(source, head, context.path().leafName())
                .filter(d -> Decoders.FORMATS.contains(d.format()))
                .or(() -> new LzmaAloneDetector().detect(source, head, context.path().leafName()))
                .or(() -> new ZlibStartDetector().detect(source, head, context.path().leafName()));
        return found.map(Detection::format)
                .orElseThrow(() -> new IOException("no compression header found"));
    }
}
