package io.modelgate.scanner.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies a stream (a compressed archive entry, a decompressed payload) into a re-readable source: memory up
 * to a threshold while the scan's heap budget lasts, a temporary file beyond it, never more than
 * {@code maxBytes}, and never more temporary disk than the scan's budget.
 */
public final class Spooler {

    private static final int FIRST_CHUNK = 64 * 1024;
    private static final int LARGEST_CHUNK = 1024 * 1024;
    /** Temporary disk is reserved ahead in steps of this size, not per write. */
    private static final long DISK_STEP = 1024 * 1024;

    private final long memoryThreshold;
    private final ScanBudgets budgets;

    public Spooler(long memoryThreshold, ScanBudgets budgets) {
        this.memoryThreshold = memoryThreshold;
        this.budgets = budgets;
    }

    /**
     * @throws LimitExceededException when the stream holds more than {@code maxBytes}, or when the scan's
     *                                temporary disk budget is used up
     */
    public ByteSource spool(InputStream in, long maxBytes, String what) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        Memory memory = new Memory(budgets.spoolHeap());
        Disk disk = null;
        boolean handedOver = false;
        long total = 0;
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new LimitExceededException(what + " expands beyond the limit of " + maxBytes + " bytes");
                }
                if (disk == null && (total > memoryThreshold || !memory.append(buffer, n))) {
                    disk = new Disk(budgets, what);
                    memory.moveTo(disk);
                    disk.write(buffer, n);
                } else if (disk != null) {
                    disk.write(buffer, n);
                }
            }
            ByteSource source = disk == null ? memory.source() : disk.source();
            handedOver = true;
            return source;
        } finally {
            if (!handedOver) {
                memory.release();
                if (disk != null) {
                    disk.discard();
                }
            }
        }
    }

    /** Chunks in memory, each reserved from the heap budget before it is allocated. */
    private static final class Memory {
        private final ByteBudget budget;
        private final List<byte[]> chunks = new ArrayList<>();
        private long reserved;
        private long size;
        private int fill;

        Memory(ByteBudget budget) {
            this.budget = budget;
        }

        /** Appends the bytes when the budget allows the chunks they need; false, appending nothing, otherwise. */
        boolean append(byte[] bytes, int length) {
            long room = reserved - size;
            List<byte[]> added = new ArrayList<>();
            long addedBytes = 0;
            int next = chunks.isEmpty() ? FIRST_CHUNK : Math.min(LARGEST_CHUNK, chunks.get(chunks.size() - 1).length * 2);
            while (room + addedBytes < length) {
                if (!budget.tryReserve(next)) {
                    budget.release(addedBytes);
                    return false;
                }
                added.add(new byte[next]);
                addedBytes += next;
                next = Math.min(LARGEST_CHUNK, next * 2);
            }
            chunks.addAll(added);
            reserved += addedBytes;
            int done = 0;
            while (done < length) {
                int chunk = chunkOf(size);
                byte[] target = chunks.get(chunk);
                int n = Math.min(length - done, target.length - fill);
                System.arraycopy(bytes, done, target, fill, n);
                done += n;
                size += n;
                fill += n;
                if (fill == target.length) {
                    fill = 0;
                }
            }
            return true;
        }

        private int chunkOf(long position) {
            long start = 0;
            for (int i = 0; i < chunks.size(); i++) {
                if (position < start + chunks.get(i).length) {
                    return i;
                }
                start += chunks.get(i).length;
            }
            throw new IllegalStateException("no chunk holds position " + position);
        }

        void moveTo(Disk disk) throws IOException {
            long left = size;
            for (byte[] chunk : chunks) {
                int n = (int) Math.min(chunk.length, left);
                disk.write(chunk, n);
                left -= n;
            }
            release();
        }

        ByteSource source() {
            ChunkedByteSource source = new ChunkedByteSource(chunks.toArray(new byte[0][]), size, budget, reserved);
            reserved = 0;
            return source;
        }

        void release() {
            budget.release(reserved);
            reserved = 0;
            chunks.clear();
            size = 0;
            fill = 0;
        }
    }

    /** A temporary file whose size is reserved from the scan's disk budget ahead of each write. */
    private static final class Disk {
        private final ScanBudgets budgets;
        private final String what;
        private final Path path;
        private final OutputStream out;
        private long reserved;
        private long written;

        Disk(ScanBudgets budgets, String what) throws IOException {
            this.budgets = budgets;
            this.what = what;
            this.path = budgets.createTempFile();
            this.out = Files.newOutputStream(path);
        }

        void write(byte[] bytes, int length) throws IOException {
            while (written + length > reserved) {
                if (!budgets.tempDisk().tryReserve(DISK_STEP)) {
                    throw new LimitExceededException(what + " needs more temporary disk than is left of the scan's "
                            + "budget of " + budgets.tempDisk().limit() + " bytes");
                }
                reserved += DISK_STEP;
            }
            out.write(bytes, 0, length);
            written += length;
        }

        ByteSource source() throws IOException {
            out.close();
            return FileByteSource.temporary(path, () -> {
                budgets.tempDisk().release(reserved);
                budgets.deleteTempFile(path);
            });
        }

        void discard() throws IOException {
            try {
                out.close();
            } finally {
                budgets.tempDisk().release(reserved);
                budgets.deleteTempFile(path);
            }
        }
    }
}
