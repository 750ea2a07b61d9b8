package io.modelgate.scanner.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resources one scan shares across its files and threads: temporary disk for spooled entries, heap for
 * entries spooled in memory, and heap for whole-document parses. It also keeps track of the temporary files still on disk, so that the
 * scan can remove them at its end even when an analysis was abandoned at its time limit.
 */
public final class ScanBudgets implements AutoCloseable {

    private final ByteBudget tempDisk;
    private final ByteBudget spoolHeap;
    private final HeapGate parseHeap;
    private final Set<Path> liveTempFiles = ConcurrentHashMap.newKeySet();

    public ScanBudgets(ByteBudget tempDisk, ByteBudget spoolHeap, HeapGate parseHeap) {
        this.tempDisk = tempDisk;
        this.spoolHeap = spoolHeap;
        this.parseHeap = parseHeap;
    }

    /**
     * Budgets for a scan: the configured temporary disk, but never more than half the space free in the
     * temporary folder now, so that a scan cannot fill the disk other programs need.
     */
    public static ScanBudgets of(long maxTempBytes, long spoolHeapBytes, long parseHeapBytes) {
        return new ScanBudgets(new ByteBudget(Math.min(maxTempBytes, halfOfFreeTempSpace())),
                new ByteBudget(spoolHeapBytes), new HeapGate(parseHeapBytes));
    }

    public ByteBudget tempDisk() {
        return tempDisk;
    }

    public ByteBudget spoolHeap() {
        return spoolHeap;
    }

    /** Admission for whole-document parses (JSON trees). */
    public HeapGate parseHeap() {
        return parseHeap;
    }

    Path createTempFile() throws IOException {
        Path temp = Files.createTempFile("modelgate-", ".spool");
        liveTempFiles.add(temp);
        return temp;
    }

    void deleteTempFile(Path temp) throws IOException {
        try {
            Files.deleteIfExists(temp);
        } finally {
            liveTempFiles.remove(temp);
        }
    }

    /** Temporary files created and not yet deleted. */
    public int liveTempFiles() {
        return liveTempFiles.size();
    }

    /** Deletes the temporary files an abandoned analysis left behind. */
    @Override
    public void close() {
        for (Path temp : Set.copyOf(liveTempFiles)) {
            try {
                deleteTempFile(temp);
            } catch (IOException e) {
                // still open on a platform that refuses to delete open files; nothing more can be done
            }
        }
    }

    private static long halfOfFreeTempSpace() {
        try {
            return Files.getFileStore(Path.of(System.getProperty("java.io.tmpdir"))).getUsableSpace() / 2;
        } catch (IOException | RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }
}
