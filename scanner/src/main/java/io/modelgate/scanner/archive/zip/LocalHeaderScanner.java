package io.modelgate.scanner.archive.zip;

import io.modelgate.scanner.analysis.Deadline;
import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the local headers a streaming reader would extract, and any other local header lying in bytes no
 * central directory member accounts for (prepended data, gaps, trailing data). Members the central
 * directory already lists are not returned. Bounded by {@code maxHeaders}, the source size and the
 * deadline.
 */
final class LocalHeaderScanner {

    /** A local header and the length of its data (-1 when unknown). */
    record Found(LocalHeader header, long compressedSize) {
    }

    private static final int CHUNK = 64 * 1024;

    private final ByteSource source;
    private final DataExtent extent;
    private final int maxHeaders;
    private final Deadline deadline;
    private final Map<Long, Found> found = new LinkedHashMap<>();
    private final List<long[]> covered = new ArrayList<>();

    LocalHeaderScanner(ByteSource source, DataExtent extent, int maxHeaders, Deadline deadline) {
        this.source = source;
        this.extent = extent;
        this.maxHeaders = maxHeaders;
        this.deadline = deadline;
    }

    /**
     * @param known        local header offsets the central directory lists, with their data lengths
     * @param knownRanges  byte ranges those members and the directory occupy
     */
    List<Found> scan(Map<Long, Long> known, List<long[]> knownRanges) throws IOException {
        covered.addAll(knownRanges);
        followChain(known);
        scanGaps(known.keySet());
        List<Found> result = new ArrayList<>();
        for (Found f : found.values()) {
            if (!known.containsKey(f.header().offset())) {
                result.add(f);
            }
        }
        return result;
    }

    /** What a streaming reader does: header, data, descriptor, next header, from offset 0. */
    private void followChain(Map<Long, Long> known) throws IOException {
        long pos = 0;
        while (found.size() <= maxHeaders) {
            deadline.check();
            Optional<LocalHeader> header = LocalHeader.read(source, pos);
            if (header.isEmpty()) {
                return;
            }
            LocalHeader h = header.get();
            long length = h.sizesDeferred() && known.containsKey(pos) ? known.get(pos) : extent.of(h);
            record(h, length);
            if (length < 0) {
                return;
            }
            long dataEnd = h.dataOffset() + length;
            long next = dataEnd + extent.descriptorLength(h, dataEnd);
            if (next <= pos) {
                return;
            }
            pos = next;
        }
    }

    /** Searches bytes not covered by any known member for further local header signatures. */
    private void scanGaps(Set<Long> knownOffsets) throws IOException {
        long pos = 0;
        for (long[] range : sortedRanges()) {
            if (range[0] > pos) {
                scanRange(pos, range[0], knownOffsets);
            }
            pos = Math.max(pos, range[1]);
        }
        if (pos < source.size()) {
            scanRange(pos, source.size(), knownOffsets);
        }
    }

    private void scanRange(long from, long to, Set<Long> knownOffsets) throws IOException {
        long pos = from;
        byte[] window = new byte[CHUNK + 3];
        while (pos + 4 <= to && found.size() <= maxHeaders) {
            deadline.check();
            int n = source.read(pos, window, 0, (int) Math.min(window.length, to - pos));
            if (n < 4) {
                return;
            }
            long resume = pos + n - 3;
            for (int i = 0; i + 4 <= n; i++) {
                if (LittleEndian.signatureAt(window, i, 3, 4)) {
                    long at = pos + i;
                    long end = knownOffsets.contains(at) ? -1 : examine(at);
                    if (end > at) {
                        resume = end;
                        break;
                    }
                }
            }
            pos = resume;
        }
    }

    /** Records a plausible header at {@code at}; returns where its data ends, or -1 to keep searching. */
    private long examine(long at) throws IOException {
        if (found.containsKey(at)) {
            return -1;
        }
        Optional<LocalHeader> header = LocalHeader.read(source, at);
        if (header.isEmpty() || header.get().name().isEmpty()) {
            return -1;
        }
        long length = extent.of(header.get());
        record(header.get(), length);
        return length < 0 ? -1 : header.get().dataOffset() + length;
    }

    private void record(LocalHeader header, long length) {
        found.putIfAbsent(header.offset(), new Found(header, length));
        if (length >= 0) {
            covered.add(new long[] {header.offset(), header.dataOffset() + length});
        }
    }

    private List<long[]> sortedRanges() {
        List<long[]> ranges = new ArrayList<>(covered);
        ranges.sort(Comparator.comparingLong(r -> r[0]));
        return ranges;
    }
}
