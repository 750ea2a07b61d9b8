package io.modelgate.scanner.archive.zip;

import io.modelgate.scanner.Limits;
import io.modelgate.scanner.analysis.Deadline;
import io.modelgate.scanner.archive.ArchiveRules;
import io.modelgate.scanner.archive.zip.ZipMember.Origin;
import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a zip the way loaders do (central directory, then each member's local header for the data
 * offset) and the way streaming readers do (local header after local header), and merges both views:
 * nothing either kind of reader would extract is left out, and every disagreement is a discrepancy.
 */
final class ZipLayoutReader {

    private final ByteSource source;
    private final Limits limits;
    private final Deadline deadline;
    private final List<ZipMember> members = new ArrayList<>();
    private final List<Discrepancy> discrepancies = new ArrayList<>();

    ZipLayoutReader(ByteSource source, Limits limits, Deadline deadline) {
        this.source = source;
        this.limits = limits;
        this.deadline = deadline;
    }

    ZipLayout read() throws IOException {
        Optional<CentralDirectory> directory = CentralDirectoryReader.read(source, limits.maxEntries());
        Map<Long, Long> known = new HashMap<>();
        List<long[]> ranges = new ArrayList<>();
        if (directory.isPresent()) {
            CentralDirectory cd = directory.get();
            ranges.add(new long[] {cd.start(), cd.end()});
            for (CentralRecord record : cd.records()) {
                deadline.check();
                addCentral(record, known, ranges);
            }
            reportOverlaps();
        } else {
            discrepancies.add(new Discrepancy(ArchiveRules.NO_CENTRAL_DIRECTORY, 0, null,
                    "no readable central directory; entries were recovered from local file headers"));
        }
        DataExtent extent = new DataExtent(source, limits.maxFileBytes(), deadline);
        LocalHeaderScanner scanner = new LocalHeaderScanner(source, extent, limits.maxEntries(), deadline);
        for (LocalHeaderScanner.Found hidden : scanner.scan(known, ranges)) {
            LocalHeader h = hidden.header();
            if (directory.isPresent()) {
                discrepancies.add(new Discrepancy(ArchiveRules.HIDDEN_ENTRY, h.offset(), h.name(),
                        "local header at offset " + h.offset() + " holds '" + h.name()
                                + "', which the central directory does not list"));
            }
            members.add(localView(h, hidden.compressedSize(), h.name()));
        }
        return new ZipLayout(List.copyOf(members), List.copyOf(discrepancies), directory.isPresent());
    }

    private void addCentral(CentralRecord record, Map<Long, Long> known, List<long[]> ranges) throws IOException {
        Optional<LocalHeader> local = LocalHeader.read(source, record.headerOffset());
        if (local.isEmpty()) {
            members.add(new ZipMember(record.name(), List.of(), Origin.CENTRAL_DIRECTORY, record.headerOffset(), -1,
                    record.compressedSize(), record.size(), record.method(), record.flags(), record.crc(), true,
                    record.symbolicLink()));
            return;
        }
        LocalHeader h = local.get();
        known.put(h.offset(), record.compressedSize());
        long end = h.dataOffset() + Math.max(0, record.compressedSize());
        ranges.add(new long[] {h.offset(), end < 0 ? source.size() : end});
        boolean renamed = !h.name().equals(record.name());
        members.add(new ZipMember(record.name(), renamed ? List.of(h.name()) : List.of(), Origin.CENTRAL_DIRECTORY,
                h.offset(), h.dataOffset(), record.compressedSize(), record.size(), record.method(), record.flags(),
                record.crc(), true, record.symbolicLink()));
        List<String> differences = differences(record, h);
        if (!differences.isEmpty()) {
            discrepancies.add(new Discrepancy(ArchiveRules.HEADER_MISMATCH, h.offset(), record.name(),
                    "entry '" + record.name() + "': central directory and local header disagree on "
                            + String.join(", ", differences)));
        }
        if (h.method() != record.method() || (!h.sizesDeferred() && h.compressedSize() != record.compressedSize())) {
            // a streaming reader decodes other bytes than the loader: analyse its view as well
            String name = renamed ? h.name() : record.name() + "#local-header";
            DataExtent extent = new DataExtent(source, limits.maxFileBytes(), deadline);
            members.add(localView(h, extent.of(h), name));
        }
    }

    private static List<String> differences(CentralRecord record, LocalHeader h) {
        List<String> out = new ArrayList<>();
        if (!h.name().equals(record.name())) {
            out.add("the name ('" + h.name() + "' in the local header)");
        }
        if (h.method() != record.method()) {
            out.add("the compression method (" + record.method() + " vs " + h.method() + ")");
        }
        if (!h.sizesDeferred() && (h.compressedSize() != record.compressedSize() || h.size() != record.size())) {
            out.add("the sizes (" + record.compressedSize() + "/" + record.size() + " vs " + h.compressedSize()
                    + "/" + h.size() + ")");
        }
        return out;
    }

    private ZipMember localView(LocalHeader h, long compressedSize, String name) {
        return new ZipMember(name, List.of(), Origin.LOCAL_HEADER, h.offset(), h.dataOffset(), compressedSize,
                h.size(), h.method(), h.flags(), h.crc(), (h.flags() & LocalHeader.DATA_DESCRIPTOR_FLAG) == 0, false);
    }

    /** Central directory members whose bytes overlap (the basis of non-recursive zip bombs). */
    private void reportOverlaps() {
        List<ZipMember> sorted = new ArrayList<>(members.stream()
                .filter(m -> m.dataOffset() >= 0 && m.origin() == Origin.CENTRAL_DIRECTORY).toList());
        sorted.sort(Comparator.comparingLong(ZipMember::headerOffset));
        long previousEnd = -1;
        String previousName = null;
        for (ZipMember m : sorted) {
            if (previousName != null && m.headerOffset() < previousEnd) {
                discrepancies.add(new Discrepancy(ArchiveRules.OVERLAPPING_ENTRIES, m.headerOffset(), m.name(),
                        "entry '" + m.name() + "' starts inside the data of '" + previousName + "'"));
                return;
            }
            long end = m.dataOffset() + Math.max(0, m.compressedSize());
            if (end > previousEnd) {
                previousEnd = end;
                previousName = m.name();
            }
        }
    }
}
