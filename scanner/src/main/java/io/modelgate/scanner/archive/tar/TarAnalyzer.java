package io.modelgate.scanner.archive.tar;

import io.modelgate.scanner.analysis.Failures;
import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.archive.ArchiveWalk;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Tar archives (and legacy PyTorch tars, whose members are routed by name): every regular file is analysed as
 * a zero-copy slice of the archive (tar data is stored contiguously); sparse files are expanded under the
 * limits. Link entries are checked, never followed.
 */
public final class TarAnalyzer implements FormatAnalyzer {

    private final Set<ModelFormat> formats;
    private final Function<String, Optional<ModelFormat>> memberFormats;

    /** Plain tars: every member's format is detected from its content. */
    public TarAnalyzer() {
        this(Set.of(ModelFormat.TAR), name -> Optional.empty());
    }

    /**
     * A tar flavour whose loader reads some members in a known way.
     *
     * @param memberFormats the format a member is analysed as, by name; empty to detect it
     */
    public TarAnalyzer(Set<ModelFormat> formats, Function<String, Optional<ModelFormat>> memberFormats) {
        this.formats = Set.copyOf(formats);
        this.memberFormats = memberFormats;
    }

    @Override
    public Set<ModelFormat> formats() {
        return formats;
    }

    @Override
    public void analyze(ByteSource source, AnalysisContext context) throws IOException {
        ArchiveWalk walk = new ArchiveWalk(context);
        CountingInputStream counter = new CountingInputStream(source.open());
        try (TarArchiveInputStream tar = new TarArchiveInputStream(counter)) {
            while (true) {
                context.deadline().check();
                TarArchiveEntry entry;
                try {
                    entry = tar.getNextEntry();
                } catch (IOException | RuntimeException e) {
                    walk.corrupt(context.path().leafName(), "unreadable tar header after "
                            + walk.entryCount() + " entries: " + Failures.describe(e));
                    return;
                }
                if (entry == null || !walk.admit(entry.getName())) {
                    return;
                }
                analyzeEntry(entry, tar, counter.position(), source, walk);
            }
        }
    }

    private void analyzeEntry(TarArchiveEntry entry, TarArchiveInputStream tar, long dataStart,
                                     ByteSource source, ArchiveWalk walk) throws IOException {
        String name = entry.getName();
        if (entry.isSymbolicLink() || entry.isLink()) {
            walk.checkLink(name, entry.getLinkName(), entry.isSymbolicLink());
            return;
        }
        if (!entry.isFile()) {
            return;
        }
        if (entry.isSparse()) {
            walk.expandAndScan(name, tar, entry.getSize(), memberFormats.apply(name));
            return;
        }
        long available = source.size() - dataStart;
        long size = entry.getSize();
        if (size > available) {
            walk.corrupt(name, "data runs past the end of the archive (truncated)");
            size = Math.max(0, available);
        }
        walk.scan(name, source.slice(dataStart, size), memberFormats.apply(name));
    }
}
