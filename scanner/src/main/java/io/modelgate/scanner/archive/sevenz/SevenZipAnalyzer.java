package io.modelgate.scanner.archive.sevenz;

import io.modelgate.scanner.analysis.Failures;
import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.archive.ArchiveWalk;
import io.modelgate.scanner.archive.compress.Decoders;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.io.ByteSourceChannel;
import org.apache.commons.compress.MemoryLimitException;
import org.apache.commons.compress.PasswordRequiredException;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;
import org.apache.commons.compress.archivers.sevenz.SevenZMethod;
import org.apache.commons.compress.archivers.sevenz.SevenZMethodConfiguration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * 7z archives: entries are decoded in order (solid blocks forbid random access) under the expansion
 * limits. Per-entry packed sizes are not known in solid archives, so the ratio is judged against the
 * whole archive size, a bound no honest entry exceeds.
 */
public final class SevenZipAnalyzer implements FormatAnalyzer {

    private static final int MAX_LINK_TARGET = 4096;
    /** Windows attribute flag telling that the high 16 bits hold a Unix mode. */
    private static final int UNIX_EXTENSION = 0x8000;
    private static final int S_IFMT = 0xF000;
    private static final int S_IFLNK = 0xA000;

    @Override
    public Set<ModelFormat> formats() {
        return Set.of(ModelFormat.SEVEN_Z);
    }

    @Override
    public void analyze(ByteSource source, AnalysisContext context) throws IOException {
        ArchiveWalk walk = new ArchiveWalk(context);
        SevenZFile archive;
        try {
            archive = SevenZFile.builder().setSeekableByteChannel(new ByteSourceChannel(source))
                    .setMaxMemoryLimitKiB(Decoders.DECODER_MEMORY_KIB).get();
        } catch (PasswordRequiredException e) {
            walk.encrypted("7z headers");
            return;
        } catch (MemoryLimitException e) {
            context.limitReached("7z headers need more memory than allowed: " + Failures.describe(e));
            return;
        }
        try (archive) {
            SevenZArchiveEntry entry;
            while ((entry = archive.getNextEntry()) != null) {
                context.deadline().check();
                if (!walk.admit(entry.getName())) {
                    return;
                }
                analyzeEntry(entry, archive, source.size(), walk);
            }
        }
    }

    private static void analyzeEntry(SevenZArchiveEntry entry, SevenZFile archive, long archiveSize,
                                     ArchiveWalk walk) throws IOException {
        String name = entry.getName();
        if (entry.isDirectory() || entry.isAntiItem() || !entry.hasStream()) {
            return;
        }
        if (encrypted(entry)) {
            walk.encrypted(name);
            return;
        }
        InputStream content = new EntryStream(archive);
        if (symbolicLink(entry)) {
            byte[] target = content.readNBytes(MAX_LINK_TARGET);
            walk.checkLink(name, new String(target, StandardCharsets.UTF_8), true);
            return;
        }
        walk.expandAndScan(name, content, archiveSize, Optional.empty());
    }

    private static boolean encrypted(SevenZArchiveEntry entry) {
        for (SevenZMethodConfiguration method : entry.getContentMethods()) {
            if (method.getMethod() == SevenZMethod.AES256SHA256) {
                return true;
            }
        }
        return false;
    }

    private static boolean symbolicLink(SevenZArchiveEntry entry) {
        int attributes = entry.getHasWindowsAttributes() ? entry.getWindowsAttributes() : 0;
        return (attributes & UNIX_EXTENSION) != 0 && ((attributes >>> 16) & S_IFMT) == S_IFLNK;
    }

    /** The current entry's content, read through the archive. */
    private static final class EntryStream extends InputStream {

        private final SevenZFile archive;

        EntryStream(SevenZFile archive) {
            this.archive = archive;
        }

        @Override
        public int read() throws IOException {
            return archive.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return archive.read(b, off, len);
        }
    }
}
