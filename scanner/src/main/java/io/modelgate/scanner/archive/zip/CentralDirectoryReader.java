package io.modelgate.scanner.archive.zip;

import io.modelgate.scanner.io.ByteSource;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the end-of-central-directory record (zip64 aware) and reads at most {@code maxRecords + 1}
 * central directory records, checking every offset and length against the source size first.
 */
final class CentralDirectoryReader {

    private static final int EOCD_SIZE = 22;
    private static final int MAX_COMMENT = 0xFFFF;
    private static final int LOCATOR_SIZE = 20;
    private static final int ZIP64_EOCD_SIZE = 56;
    private static final int RECORD_SIZE = 46;

    private CentralDirectoryReader() {
    }

    /** Empty when no usable end record or directory is found. */
    static Optional<CentralDirectory> read(ByteSource source, int maxRecords) throws IOException {
        long size = source.size();
        if (size < EOCD_SIZE) {
            return Optional.empty();
        }
        int tailLength = (int) Math.min(size, EOCD_SIZE + MAX_COMMENT);
        long tailStart = size - tailLength;
        byte[] tail = source.readFully(tailStart, tailLength);
        for (int at = tailLength - EOCD_SIZE; at >= 0; at--) {
            if (LittleEndian.signatureAt(tail, at, 5, 6)) {
                Optional<CentralDirectory> found = fromEndRecord(source, tail, at, tailStart + at, maxRecords);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<CentralDirectory> fromEndRecord(ByteSource source, byte[] tail, int at, long eocdPos,
                                                            int maxRecords) throws IOException {
        long entries = LittleEndian.u16(tail, at + 10);
        long cdSize = LittleEndian.u32(tail, at + 12);
        long cdOffset = LittleEndian.u32(tail, at + 16);
        long end = Math.min(source.size(), eocdPos + EOCD_SIZE + LittleEndian.u16(tail, at + 20));
        long directoryEnd = eocdPos;
        Optional<long[]> zip64 = zip64Fields(source, eocdPos);
        if (zip64.isPresent()) {
            entries = zip64.get()[0];
            cdSize = zip64.get()[1];
            cdOffset = zip64.get()[2];
            directoryEnd = zip64.get()[3];
        }
        if (cdSize < 0 || cdOffset < 0 || cdSize > directoryEnd) {
            return Optional.empty();
        }
        if (entries == 0 && cdSize == 0) {
            return Optional.of(new CentralDirectory(List.of(), directoryEnd, end, 0, false));
        }
        // Python's zipfile places the directory right before the end record and treats any difference
        // from the recorded offset as data prepended to the archive.
        long start = directoryEnd - cdSize;
        long shift = start - cdOffset;
        if (shift < 0 || !hasRecordAt(source, start)) {
            if (!hasRecordAt(source, cdOffset)) {
                return Optional.empty();
            }
            start = cdOffset;
            shift = 0;
        }
        return Optional.of(readRecords(source, start, Math.max(directoryEnd, start + cdSize), shift, end,
                maxRecords));
    }

    /** Zip64 entry count, directory size, directory offset and the zip64 end record's position. */
    private static Optional<long[]> zip64Fields(ByteSource source, long eocdPos) throws IOException {
        long locatorPos = eocdPos - LOCATOR_SIZE;
        if (locatorPos < 0) {
            return Optional.empty();
        }
        byte[] locator = source.readFully(locatorPos, LOCATOR_SIZE);
        if (!LittleEndian.signatureAt(locator, 0, 6, 7)) {
            return Optional.empty();
        }
        long recordPos = LittleEndian.u64(locator, 8);
        long expectedPos = locatorPos - ZIP64_EOCD_SIZE;
        for (long pos : new long[] {recordPos, expectedPos}) {
            if (pos >= 0 && pos <= source.size() - ZIP64_EOCD_SIZE) {
                byte[] record = source.readFully(pos, ZIP64_EOCD_SIZE);
                if (LittleEndian.signatureAt(record, 0, 6, 6)) {
                    return Optional.of(new long[] {LittleEndian.u64(record, 32), LittleEndian.u64(record, 40),
                            LittleEndian.u64(record, 48), pos});
                }
            }
        }
        return Optional.empty();
    }

    private static boolean hasRecordAt(ByteSource source, long pos) throws IOException {
        if (pos < 0 || pos > source.size() - 4) {
            return false;
        }
        return LittleEndian.signatureAt(source.readFully(pos, 4), 0, 1, 2);
    }

    private static CentralDirectory readRecords(ByteSource source, long start, long limit, long shift, long end,
                                                int maxRecords) throws IOException {
        List<CentralRecord> records = new ArrayList<>();
        long pos = start;
        long stop = Math.min(limit, source.size());
        boolean truncated = false;
        try (InputStream in = new BufferedInputStream(source.slice(start, stop - start).open(), 64 * 1024)) {
            byte[] h = new byte[RECORD_SIZE];
            while (pos + RECORD_SIZE <= stop) {
                readFully(in, h);
                if (!LittleEndian.signatureAt(h, 0, 1, 2)) {
                    break;
                }
                if (records.size() > maxRecords) {
                    truncated = true;
                    break;
                }
                int nameLength = LittleEndian.u16(h, 28);
                int extraLength = LittleEndian.u16(h, 30);
                int commentLength = LittleEndian.u16(h, 32);
                long next = pos + RECORD_SIZE + nameLength + extraLength + commentLength;
                if (next > stop) {
                    break;
                }
                byte[] name = new byte[nameLength];
                readFully(in, name);
                byte[] extra = new byte[extraLength];
                readFully(in, extra);
                in.skipNBytes(commentLength);
                records.add(record(h, name, extra, shift));
                pos = next;
            }
        }
        return new CentralDirectory(records, start, Math.max(end, stop), shift, truncated);
    }

    private static CentralRecord record(byte[] h, byte[] rawName, byte[] extra, long shift) {
        int flags = LittleEndian.u16(h, 8);
        long[] wide = Zip64Extra.resolve(extra, LittleEndian.u32(h, 24), LittleEndian.u32(h, 20),
                LittleEndian.u32(h, 42));
        long headerOffset = wide[2] < 0 ? -1 : wide[2] + shift;
        return new CentralRecord(ZipNames.decode(rawName, flags), LittleEndian.u16(h, 4), flags,
                LittleEndian.u16(h, 10), LittleEndian.u32(h, 16), wide[1], wide[0], headerOffset,
                LittleEndian.u32(h, 38));
    }

    private static void readFully(InputStream in, byte[] into) throws IOException {
        int n = in.readNBytes(into, 0, into.length);
        if (n != into.length) {
            throw new EOFException("central directory ends inside a record");
        }
    }
}
