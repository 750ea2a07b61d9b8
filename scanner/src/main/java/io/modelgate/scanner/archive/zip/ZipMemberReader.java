package io.modelgate.scanner.archive.zip;

import io.modelgate.scanner.analysis.Failures;
import io.modelgate.scanner.archive.ArchiveRules;
import io.modelgate.scanner.archive.ArchiveWalk;
import io.modelgate.scanner.archive.compress.Decoders;
import io.modelgate.scanner.io.ByteSource;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.deflate64.Deflate64CompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;

/**
 * Opens a member's bytes: stored data as a zero-copy slice of the archive, compressed data expanded
 * under the archive's limits. CRC errors are reported, never a reason to skip the member (torch.load
 * does not check them).
 */
final class ZipMemberReader {

    /** Stored members up to this size get their CRC checked (larger ones are tensor data). */
    private static final long STORED_CRC_CHECK_MAX = 16L * 1024 * 1024;
    private static final int STORED = 0;
    private static final int DEFLATED = 8;
    private static final int DEFLATE64 = 9;
    private static final int BZIP2 = 12;
    private static final int ZSTD = 93;
    private static final int XZ = 95;

    private final ByteSource archive;
    private final ArchiveWalk walk;
    private final boolean expand;

    /** @param expand false when compressed members must not be expanded (they are skipped, reported by the caller) */
    ZipMemberReader(ByteSource archive, ArchiveWalk walk, boolean expand) {
        this.archive = archive;
        this.walk = walk;
        this.expand = expand;
    }

    /** The member's content, or empty when it cannot be read (already reported). The caller closes it. */
    Optional<ByteSource> open(ZipMember member) throws IOException {
        String name = member.name();
        if (member.dataOffset() < 0) {
            walk.corrupt(name, "no local header at offset " + member.headerOffset());
            return Optional.empty();
        }
        if (member.encrypted()) {
            walk.encrypted(name);
            return Optional.empty();
        }
        long available = archive.size() - member.dataOffset();
        boolean sizeKnown = member.compressedSize() >= 0;
        long length = sizeKnown ? member.compressedSize() : available;
        boolean truncated = length > available;
        if (truncated) {
            walk.corrupt(name, "data runs past the end of the archive (truncated)");
            length = available;
        }
        ByteSource raw = archive.slice(member.dataOffset(), length);
        if (member.compressed() && !expand) {
            return Optional.empty();
        }
        if (member.method() == STORED) {
            if (!sizeKnown) {
                walk.corrupt(name, "stored entry of unknown size");
                return Optional.empty();
            }
            if (!truncated && length <= STORED_CRC_CHECK_MAX) {
                verifyCrc(member, crcOf(raw));
            }
            return Optional.of(raw);
        }
        return expand(member, raw, truncated);
    }

    private Optional<ByteSource> expand(ZipMember member, ByteSource raw, boolean truncated) throws IOException {
        InputStream decoded;
        try {
            decoded = decoder(member.method(), raw.open());
        } catch (IOException e) {
            walk.corrupt(member.name(), "cannot start decoding: " + Failures.describe(e));
            return Optional.empty();
        }
        if (decoded == null) {
            walk.unsupported(member.name(), "compression method " + member.method());
            return Optional.empty();
        }
        CheckedInputStream checked = new CheckedInputStream(decoded, new CRC32());
        Optional<ArchiveWalk.Expanded> expanded = walk.expand(member.name(), checked, raw.size());
        if (expanded.isPresent() && expanded.get().complete() && !truncated) {
            verifyCrc(member, checked.getChecksum().getValue());
        }
        return expanded.map(ArchiveWalk.Expanded::source);
    }

    /** The decoder of a zip compression method, or null when it is not supported. */
    private static InputStream decoder(int method, InputStream in) throws IOException {
        return switch (method) {
            case DEFLATED -> Decoders.inflate(in, true);
            case DEFLATE64 -> new Deflate64CompressorInputStream(in);
            case BZIP2 -> new BZip2CompressorInputStream(in);
            case ZSTD -> new ZstdCompressorInputStream(in);
            case XZ -> new XZCompressorInputStream(in, false, Decoders.DECODER_MEMORY_KIB);
            default -> null;
        };
    }

    private void verifyCrc(ZipMember member, long actual) {
        if (member.crcKnown() && actual != member.crc()) {
            walk.context().report(ArchiveRules.CRC_MISMATCH, member.headerOffset(), member.name(),
                    String.format("entry '%s' records CRC %08x but its data has CRC %08x", member.name(),
                            member.crc(), actual));
        }
    }

    private long crcOf(ByteSource data) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = data.open()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                crc.update(buffer, 0, n);
            }
        }
        return crc.getValue();
    }
}
