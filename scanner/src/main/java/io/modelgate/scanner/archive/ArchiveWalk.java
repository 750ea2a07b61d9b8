package io.modelgate.scanner.archive;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.io.Spooler;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The bookkeeping shared by every container walk: entry count, duplicate and unsafe names, links, and
 * the archive's use of the file-wide expansion budget. Reports hygiene findings on the archive itself;
 * members are handed on through the context.
 */
public final class ArchiveWalk {

    private final AnalysisContext context;
    private final Spooler spooler;
    private final Set<String> names = new HashSet<>();
    private int entries;

    public ArchiveWalk(AnalysisContext context) {
        this.context = context;
        this.spooler = new Spooler(context.limits().spoolMemoryBytes(), context.budgets());
    }

    public AnalysisContext context() {
        return context;
    }

    /**
     * Counts an entry and checks its name. Returns false once the entry limit is passed: the walk stops
     * there (reported once, the archive is incomplete).
     */
    public boolean admit(String name) {
        entries++;
        if (entries > context.limits().maxEntries()) {
            if (entries == context.limits().maxEntries() + 1) {
                String reason = "more than " + context.limits().maxEntries() + " entries";
                context.report(ArchiveRules.TOO_MANY_ENTRIES, null, "archive has " + reason);
                context.limitReached("archive has " + reason + "; the rest is not analysed");
            }
            return false;
        }
        if (!names.add(name)) {
            context.report(ArchiveRules.DUPLICATE_ENTRY, name, "the name '" + name + "' appears more than once");
        }
        EntryPaths.checkName(name).ifPresent(p -> context.report(p.rule(), name, p.reason()));
        return true;
    }

    public int entryCount() {
        return Math.min(entries, context.limits().maxEntries());
    }

    public void checkLink(String name, String target, boolean symbolic) {
        EntryPaths.checkLink(name, target, symbolic).ifPresent(p -> context.report(p.rule(), name, p.reason()));
    }

    public void encrypted(String name) {
        context.report(ArchiveRules.ENCRYPTED_ENTRY, name, "entry '" + name + "' is encrypted");
        context.incomplete("encrypted entry '" + name + "' cannot be analysed");
    }

    public void unsupported(String name, String method) {
        context.report(ArchiveRules.UNSUPPORTED_METHOD, name, "entry '" + name + "' uses " + method);
        context.incomplete("entry '" + name + "' uses " + method + " and cannot be analysed");
    }

    /** Data of an entry could not be read (truncated archive, bad header): fail closed. */
    public void corrupt(String name, String problem) {
        context.report(ArchiveRules.CORRUPT_DATA, name, "entry '" + name + "': " + problem);
        context.incomplete("entry '" + name + "': " + problem);
    }

    /**
     * Expands a decoded stream into a re-readable source under the ratio, total and size limits. The total
     * is shared by every container of the top-level file, so nesting cannot multiply it. Empty when a limit
     * stopped it (reported) or an earlier limit anywhere in the file already stopped expansion. A decoder
     * error keeps what was decoded before it, reported as corrupt data.
     *
     * @param compressedSize bytes the payload occupies in the archive, -1 when unknown
     */
    public Optional<Expanded> expand(String name, InputStream decoded, long compressedSize) throws IOException {
        FileCollector file = context.collector();
        if (file.expansionStopped()) {
            context.incomplete("entry '" + name + "' not expanded: an expansion limit was reached");
            return Optional.empty();
        }
        ErrorTrapStream trap = new ErrorTrapStream(decoded);
        ExpansionGuardStream guard = new ExpansionGuardStream(trap, compressedSize,
                context.limits().maxCompressionRatio(), context.limits().maxExpandedBytes() - file.expandedBytes(),
                context.limits().maxFileBytes(), context.deadline());
        try {
            ByteSource source = spooler.spool(guard, Long.MAX_VALUE, "'" + name + "'");
            file.addExpandedBytes(guard.count());
            if (trap.error() != null) {
                corrupt(name, "decompression failed after " + guard.count() + " bytes: " + trap.error());
            }
            return Optional.of(new Expanded(source, trap.error() == null));
        } catch (ExpansionLimitException e) {
            file.addExpandedBytes(guard.count());
            file.stopExpansion();
            context.report(e.rule(), name, "'" + name + "' " + e.getMessage());
            context.limitReached("'" + name + "' " + e.getMessage());
            return Optional.empty();
        } finally {
            trap.close();
        }
    }

    /** Expands a payload and analyses it one level deeper (format detected, or forced when given). */
    public void expandAndScan(String name, InputStream decoded, long compressedSize, Optional<ModelFormat> format)
            throws IOException {
        Optional<Expanded> payload = expand(name, decoded, compressedSize);
        if (payload.isPresent()) {
            try (ByteSource source = payload.get().source()) {
                scan(name, source, format);
            }
        }
    }

    /** Analyses a member one level deeper. */
    public void scan(String name, ByteSource source, Optional<ModelFormat> format) throws IOException {
        if (format.isPresent()) {
            context.scanEmbeddedAs(name, source, format.get());
        } else {
            context.scanEmbedded(name, source);
        }
    }

    /** An expanded payload; {@code complete} is false when decoding broke off early. */
    public record Expanded(ByteSource source, boolean complete) {
    }
}
